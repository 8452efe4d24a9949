import { Schema } from "effect"
import { Category, Status } from "../events/entry-vocabulary.js"
import { column, selectList } from "../store/table-columns.js"
import { projectionTable } from "./projection.js"

export const logEntriesTable = projectionTable("log_entries")

const text = column(Schema.String, "VARCHAR")
const optionalText = column(Schema.NullOr(Schema.String), "VARCHAR")
const instant = column(Schema.String, "TIMESTAMPTZ")

/**
 * A row of `log_entries`: an entry as its events leave it, times as ISO-8601 UTC text. The
 * table, the fold, the entries read model, `--json` and `export` derive from it.
 */
export const LogEntryRow = Schema.Struct({
  id: text,
  category: column(Category, "VARCHAR"),
  status: column(Status, "VARCHAR"),
  title: text,
  body: text,
  session_id: optionalText,
  project: optionalText,
  logged_at: instant,
  /** The last change (the logging itself until someone changes it). */
  updated_at: instant,
  created_by: text,
  updated_by: text,
  last_event_id: text,
})
export type LogEntryRow = typeof LogEntryRow.Type

/** Selects every column of `LogEntryRow`; callers add their WHERE and ORDER BY. */
export const selectLogEntryRows = `SELECT ${selectList(LogEntryRow.fields)} FROM ${logEntriesTable}`

/** Newest change first: the last event's id is causal, unlike the writers' wall clocks. */
export const newestChangeFirst = `ORDER BY last_event_id DESC`
