import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"
import { foldSessions } from "./sessions-fold.js"

const tokenColumns = {
  input_tokens: "BIGINT",
  output_tokens: "BIGINT",
  cache_write_tokens: "BIGINT",
  cache_read_tokens: "BIGINT",
  total_tokens: "BIGINT",
  cost_usd: "DOUBLE",
} as const

const sessionColumns = {
  session_id: "VARCHAR",
  project: "VARCHAR",
  cwd: "VARCHAR",
  started_at: "TIMESTAMPTZ",
  ended_at: "TIMESTAMPTZ",
  duration_min: "DOUBLE",
  models: "VARCHAR",
  ...tokenColumns,
  message_count: "INTEGER",
  tool_call_count: "INTEGER",
  skills_used: "VARCHAR",
  git_branch: "VARCHAR",
  cc_version: "VARCHAR",
  title: "VARCHAR",
  session_type: "VARCHAR",
  created_by: "VARCHAR",
  device_id: "VARCHAR",
  cc_cost_usd: "DOUBLE",
  transcript_path: "VARCHAR",
  last_event_id: "VARCHAR",
} as const

const sessionModelColumns = { session_id: "VARCHAR", model: "VARCHAR", ...tokenColumns } as const

/** Usage bucketed by the UTC hour of each API response: what daily and hourly summaries sum. */
const hourlyColumns = { session_id: "VARCHAR", hour: "TIMESTAMPTZ", model: "VARCHAR", ...tokenColumns } as const

const columnsDdl = (columns: Readonly<Record<string, string>>) =>
  Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(", ")

export const sessionsTable = projectionTable("sessions")
export const sessionModelsTable = projectionTable("session_models")
export const sessionUsageHourlyTable = projectionTable("session_usage_hourly")

export const sessionsProjection: Projection = {
  name: "sessions",
  version: 3,
  tables: ["sessions", "session_models", "session_usage_hourly"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${sessionsTable} (${columnsDdl(sessionColumns)}, PRIMARY KEY (session_id))`,
    `CREATE TABLE IF NOT EXISTS ${sessionModelsTable} (${columnsDdl(sessionModelColumns)}, PRIMARY KEY (session_id, model))`,
    `CREATE TABLE IF NOT EXISTS ${sessionUsageHourlyTable} (${columnsDdl(hourlyColumns)}, PRIMARY KEY (session_id, hour, model))`,
  ],
  eventTypes: ["SessionRecorded"],
  refresh: (db, entityIds) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: ["SessionRecorded"], entityIds })).filter(isOf("SessionRecorded"))
      const { hourly, models, sessions } = foldSessions(events)
      yield* replaceRows(db, sessionsTable, "session_id", entityIds, sessionColumns, sessions)
      yield* replaceRows(db, sessionModelsTable, "session_id", entityIds, sessionModelColumns, models)
      yield* replaceRows(db, sessionUsageHourlyTable, "session_id", entityIds, hourlyColumns, hourly)
    }),
}
