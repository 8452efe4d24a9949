import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { foldEntries } from "./log-entries-fold.js"
import { type Projection, projectionTable } from "./projection.js"

const eventTypes = ["EntryLogged", "EntryStatusChanged", "LegacyEntryUpdated"] as const

export const logEntriesTable = projectionTable("log_entries")

export const logEntriesProjection: Projection = {
  name: "log_entries",
  version: 2,
  tables: ["log_entries"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${logEntriesTable} (
      id            VARCHAR PRIMARY KEY,
      category      VARCHAR NOT NULL,
      title         VARCHAR NOT NULL,
      body          VARCHAR NOT NULL,
      status        VARCHAR NOT NULL,
      session_id    VARCHAR,
      project       VARCHAR,
      logged_at     TIMESTAMPTZ NOT NULL,
      updated_at    TIMESTAMPTZ NOT NULL,
      created_by    VARCHAR NOT NULL,
      updated_by    VARCHAR NOT NULL,
      last_event_id VARCHAR NOT NULL
    )`,
  ],
  eventTypes,
  refresh: (db, entityIds) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: eventTypes, entityIds })).filter(isOf(...eventTypes))
      yield* replaceRows(db, logEntriesTable, "id", entityIds, {
        id: "VARCHAR",
        category: "VARCHAR",
        title: "VARCHAR",
        body: "VARCHAR",
        status: "VARCHAR",
        session_id: "VARCHAR",
        project: "VARCHAR",
        logged_at: "TIMESTAMPTZ",
        updated_at: "TIMESTAMPTZ",
        created_by: "VARCHAR",
        updated_by: "VARCHAR",
        last_event_id: "VARCHAR",
      }, [...foldEntries(events).values()])
    }),
}
