import { Effect, Schema } from "effect"
import { shortId } from "../events/ids.js"
import type { Db } from "../store/database.js"
import { isoUtc } from "../store/sql-fragments.js"
import { Category, Status } from "./entry-fields.js"

/** An entry as commands show it and `--json` prints it. */
export const EntryView = Schema.Struct({
  id: Schema.String,
  short_id: Schema.String,
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
})
export type EntryView = typeof EntryView.Type

const EntryRow = Schema.Struct({ ...EntryView.fields, short_id: Schema.optional(Schema.String), last_event_id: Schema.String })
export type EntryWithLastEvent = EntryView & { readonly last_event_id: string }

const selectEntries = `SELECT id, category, status, title, body, session_id, project,
  ${isoUtc("logged_at")} AS logged_at, ${isoUtc("updated_at")} AS updated_at, created_by, updated_by, last_event_id
  FROM log_entries`

/** Newest change first: the last event's id is causal, unlike the writers' wall clocks. */
const newestFirst = `ORDER BY last_event_id DESC`

const query = (db: Db, where: ReadonlyArray<string>, params: ReadonlyArray<string>, tail = newestFirst) =>
  db.all(EntryRow, `${selectEntries} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ${tail}`, params).pipe(
    Effect.map((rows) => rows.map((row): EntryWithLastEvent => ({ ...row, short_id: shortId(row.id) }))),
  )

export interface ListFilter {
  readonly category?: Category | undefined
  readonly status?: Status | undefined
  readonly openOnly?: boolean | undefined
  readonly limit?: number | undefined
}

export const listEntries = (db: Db, filter: ListFilter) => {
  const where: Array<string> = []
  const params: Array<string> = []
  if (filter.category !== undefined) where.push(`category = $${params.push(filter.category)}`)
  if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`)
  if (filter.openOnly === true) where.push(`status <> 'resolved'`)
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`
  return query(db, where, params, `${newestFirst}${limit}`)
}

/** The exact id, else every entry whose id ends (short id) or starts (prefix) with the text. */
export const entriesMatchingId = (db: Db, text: string) => {
  const needle = text.trim().toUpperCase()
  return query(db, [`id = $1`], [needle]).pipe(
    Effect.flatMap((exact) =>
      exact.length > 0 ? Effect.succeed(exact) : query(db, [`(ends_with(id, $1) OR starts_with(id, $1))`], [needle])
    ),
  )
}

/** Entries whose title contains every word, ignoring case. */
export const entriesMatchingTitle = (db: Db, words: ReadonlyArray<string>) =>
  query(db, words.map((_, index) => `contains(lower(title), lower($${index + 1}))`), words)

/** Entries whose last change was made by someone other than `reader` after their watermark. */
export const inboxEntries = (db: Db, reader: string) =>
  query(
    db,
    [`updated_by <> $1`, `last_event_id > coalesce((SELECT watermark FROM inbox_watermarks WHERE reader = $1), '')`],
    [reader],
    `ORDER BY last_event_id`,
  )
