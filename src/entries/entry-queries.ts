import { Effect, Schema } from "effect"
import { shortId } from "../events/ids.js"
import { inboxWatermarksTable } from "../projections/inbox-watermarks.js"
import { logEntriesTable } from "../projections/log-entries.js"
import type { Db } from "../store/database.js"
import { Conditions, isoUtc, limitClause } from "../store/sql-fragments.js"
import { Category, Status } from "../events/entry-vocabulary.js"

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
  FROM ${logEntriesTable}`

/** Newest change first: the last event's id is causal, unlike the writers' wall clocks. */
const newestFirst = `ORDER BY last_event_id DESC`

const query = (db: Db, conditions: Conditions, tail = newestFirst) =>
  db.all(EntryRow, `${selectEntries} ${conditions.where} ${tail}`, conditions.params).pipe(
    Effect.map((rows) => rows.map((row): EntryWithLastEvent => ({ ...row, short_id: shortId(row.id) }))),
  )

/** Which projects' entries: this one's (and those with no project), one named, or every one. */
export type ProjectScope =
  | { readonly _tag: "Current"; readonly project: string }
  | { readonly _tag: "One"; readonly project: string }
  | { readonly _tag: "All" }

export interface ListFilter {
  readonly projects?: ProjectScope | undefined
  readonly category?: Category | undefined
  readonly status?: Status | undefined
  readonly openOnly?: boolean | undefined
  readonly limit?: number | undefined
}

export const listEntries = (db: Db, filter: ListFilter) => {
  const conditions = new Conditions()
  const scope = filter.projects ?? { _tag: "All" }
  if (scope._tag === "Current") conditions.withParam(scope.project, (project) => `(project = ${project} OR project IS NULL)`)
  if (scope._tag === "One") conditions.withParam(scope.project, (project) => `project = ${project}`)
  if (filter.category !== undefined) conditions.withParam(filter.category, (category) => `category = ${category}`)
  if (filter.status !== undefined) conditions.withParam(filter.status, (status) => `status = ${status}`)
  if (filter.openOnly === true) conditions.withSql(`status <> 'resolved'`)
  return query(db, conditions, `${newestFirst} ${limitClause(filter.limit)}`)
}

/** The exact id, else every entry whose id ends (short id) or starts (prefix) with the text. */
export const entriesMatchingId = (db: Db, text: string) => {
  const needle = text.trim().toUpperCase()
  return query(db, new Conditions().withParam(needle, (id) => `upper(id) = ${id}`)).pipe(
    Effect.flatMap((exact) =>
      exact.length > 0
        ? Effect.succeed(exact)
        : query(db, new Conditions().withParam(needle, (id) => `(ends_with(upper(id), ${id}) OR starts_with(upper(id), ${id}))`))
    ),
  )
}

/** Entries whose title contains every word, ignoring case. */
export const entriesMatchingTitle = (db: Db, words: ReadonlyArray<string>) =>
  query(db, words.reduce((conditions, word) => conditions.withParam(word, (text) => `contains(lower(title), lower(${text}))`), new Conditions()))

/** Entries whose last change was made by someone other than `reader` after their watermark. */
export const inboxEntries = (db: Db, reader: string) =>
  query(
    db,
    new Conditions().withParam(reader, (me) =>
      `updated_by <> ${me} AND last_event_id > coalesce((SELECT watermark FROM ${inboxWatermarksTable} WHERE reader = ${me}), '')`),
    `ORDER BY last_event_id`,
  )
