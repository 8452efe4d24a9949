import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { columnDefinitions, columnTypes } from "../store/table-columns.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { foldEntries } from "./log-entries-fold.js"
import { LogEntryRow, logEntriesTable } from "./log-entry-rows.js"
import type { Projection } from "./projection.js"

const eventTypes = ["EntryLogged", "EntryStatusChanged", "LegacyEntryUpdated"] as const

const entryColumns = columnTypes(LogEntryRow.fields)

export const logEntriesProjection: Projection = {
  name: "log_entries",
  version: 2,
  tables: ["log_entries"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${logEntriesTable} (${columnDefinitions(LogEntryRow.fields, { notNull: true })}, PRIMARY KEY (id))`,
  ],
  eventTypes,
  refresh: (db, entityIds, known) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: eventTypes, entityIds }, known)).filter(isOf(...eventTypes))
      yield* replaceRows(db, logEntriesTable, "id", entityIds, entryColumns, [...foldEntries(events).values()])
    }),
}
