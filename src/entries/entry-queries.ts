import { Effect, Schema, Struct } from "effect"
import type { Category, Status } from "../events/entry-vocabulary.js"
import { shortId } from "../events/ids.js"
import { inboxWatermarksTable } from "../projections/inbox-watermarks.js"
import { LogEntryRow, newestChangeFirst, selectLogEntryRows } from "../projections/log-entry-rows.js"
import type { Db } from "../store/database.js"
import { Conditions, limitClause } from "../store/sql-fragments.js"

/** An entry as commands show it and `--json` prints it. */
export const EntryView = Schema.Struct({
  id: LogEntryRow.fields.id,
  short_id: Schema.String,
  ...Struct.omit(LogEntryRow.fields, "id", "last_event_id"),
})
export type EntryView = typeof EntryView.Type

export type EntryWithLastEvent = EntryView & { readonly last_event_id: string }

const query = (db: Db, conditions: Conditions, tail = newestChangeFirst) =>
  db.all(LogEntryRow, `${selectLogEntryRows} ${conditions.where} ${tail}`, conditions.params).pipe(
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
  return query(db, conditions, `${newestChangeFirst} ${limitClause(filter.limit)}`)
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
