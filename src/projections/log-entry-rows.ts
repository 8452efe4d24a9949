import { Schema } from "effect"
import { Category, Status } from "../events/entry-vocabulary.js"
import { isoUtc } from "../store/sql-fragments.js"
import { logEntriesTable } from "./log-entries.js"

/** A row of `log_entries` as commands read it: times as ISO-8601 UTC text. */
export const LogEntryRow = Schema.Struct({
  id: Schema.String,
  category: Category,
  status: Status,
  title: Schema.String,
  body: Schema.String,
  session_id: Schema.NullOr(Schema.String),
  project: Schema.NullOr(Schema.String),
  logged_at: Schema.String,
  updated_at: Schema.String,
  created_by: Schema.String,
  updated_by: Schema.String,
  last_event_id: Schema.String,
})
export type LogEntryRow = typeof LogEntryRow.Type

/** Selects every column of `LogEntryRow`; callers add their WHERE and ORDER BY. */
export const selectLogEntryRows = `SELECT id, category, status, title, body, session_id, project,
  ${isoUtc("logged_at")} AS logged_at, ${isoUtc("updated_at")} AS updated_at, created_by, updated_by, last_event_id
  FROM ${logEntriesTable}`

/** Newest change first: the last event's id is causal, unlike the writers' wall clocks. */
export const newestChangeFirst = `ORDER BY last_event_id DESC`
