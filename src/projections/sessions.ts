import { Effect } from "effect"
import { replaceRowsAppending } from "../store/insert-rows.js"
import { columnDefinitions, type ColumnFields, columnTypes } from "../store/table-columns.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"
import { SessionHourRow, SessionModelRow, SessionRow } from "./session-rows.js"
import { foldSessions } from "./sessions-fold.js"

export const sessionsTable = projectionTable("sessions")
export const sessionModelsTable = projectionTable("session_models")
export const sessionUsageHourlyTable = projectionTable("session_usage_hourly")

// Created without NOT NULL from the start: kept so, so that stores made before and after hold one table shape.
const createTable = (table: string, fields: ColumnFields, key: string) =>
  `CREATE TABLE IF NOT EXISTS ${table} (${columnDefinitions(fields, { notNull: false })}, PRIMARY KEY (${key}))`

const sessionColumns = columnTypes(SessionRow.fields)
const sessionModelColumns = columnTypes(SessionModelRow.fields)
const sessionHourColumns = columnTypes(SessionHourRow.fields)

export const sessionsProjection: Projection = {
  name: "sessions",
  version: 3,
  tables: ["sessions", "session_models", "session_usage_hourly"],
  createTables: [
    createTable(sessionsTable, SessionRow.fields, "session_id"),
    createTable(sessionModelsTable, SessionModelRow.fields, "session_id, model"),
    createTable(sessionUsageHourlyTable, SessionHourRow.fields, "session_id, hour, model"),
  ],
  eventTypes: ["SessionRecorded"],
  refresh: (db, entityIds, known) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: ["SessionRecorded"], entityIds }, known)).filter(isOf("SessionRecorded"))
      const { hourly, models, sessions } = foldSessions(events)
      // Through the appender: a backfill refreshes thousands of sessions, and their hours.
      yield* replaceRowsAppending(db, sessionsTable, "session_id", entityIds, sessionColumns, sessions)
      yield* replaceRowsAppending(db, sessionModelsTable, "session_id", entityIds, sessionModelColumns, models)
      yield* replaceRowsAppending(db, sessionUsageHourlyTable, "session_id", entityIds, sessionHourColumns, hourly)
    }),
}
