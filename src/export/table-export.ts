import { Effect, Schema, Struct } from "effect"
import { activityTable } from "../recording/activity-table.js"
import { LogEntryRow, logEntriesTable } from "../projections/log-entry-rows.js"
import { SessionModelRow } from "../projections/session-rows.js"
import { sessionModelsTable, sessionsTable } from "../projections/sessions.js"
import { SessionView } from "../sessions/session-queries.js"
import type { Db } from "../store/database.js"
import { isoUtc } from "../store/sql-fragments.js"
import { selectList } from "../store/table-columns.js"

export const exportTables = ["sessions", "session_models", "log_entries", "events", "activity"] as const
export type ExportTable = (typeof exportTables)[number]

export const exportFormats = ["csv", "json", "jsonl", "parquet"] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportFilter {
  readonly since?: Date | undefined
  readonly until?: Date | undefined
  readonly project?: string | undefined
}

export class ExportNotPossible extends Schema.TaggedError<ExportNotPossible>()("ExportNotPossible", {
  reason: Schema.String,
}) {
  override get message() {
    return this.reason
  }
}

/** A value inside a SQL string literal: COPY takes no parameters, so values are quoted here. */
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`
const instant = (date: Date): string => `${literal(date.toISOString())}::TIMESTAMPTZ`

/**
 * Per table: its rows with the column names its `--json` output uses, and which columns the
 * period (a row's start and end) and the project filter look at.
 */
interface TableQuery {
  readonly select: string
  readonly startColumn: string
  readonly endColumn: string
  readonly projectColumn: string | undefined
  readonly order: string
}

const queries: Readonly<Record<ExportTable, TableQuery>> = {
  sessions: {
    select: `SELECT ${selectList(SessionView.fields)} FROM ${sessionsTable} AS s`,
    startColumn: "s.started_at",
    endColumn: "s.ended_at",
    projectColumn: "s.project",
    order: "ORDER BY s.started_at NULLS LAST, s.session_id",
  },
  session_models: {
    // Filtered by their session's period and project, which session_models does not hold itself.
    select: `WITH m AS (
        SELECT models.*, s.started_at, s.ended_at, s.project
        FROM ${sessionModelsTable} AS models JOIN ${sessionsTable} AS s USING (session_id))
      SELECT ${selectList(SessionModelRow.fields)} FROM m`,
    startColumn: "started_at",
    endColumn: "ended_at",
    projectColumn: "project",
    order: "ORDER BY started_at NULLS LAST, session_id, model",
  },
  log_entries: {
    select: `SELECT ${selectList(Struct.omit(LogEntryRow.fields, "last_event_id"))} FROM ${logEntriesTable}`,
    startColumn: "logged_at",
    endColumn: "logged_at",
    projectColumn: "project",
    order: "ORDER BY last_event_id",
  },
  events: {
    select: `SELECT id, type, version, entity_id AS "entityId", device_id AS "deviceId", actor,
      ${isoUtc("recorded_at")} AS "recordedAt", payload FROM all_events`,
    startColumn: "recorded_at",
    endColumn: "recorded_at",
    projectColumn: undefined,
    order: "ORDER BY id",
  },
  activity: {
    select: `SELECT session_id, seq, tool_use_id, ${isoUtc("called_at")} AS called_at, tool, target, errored, in_subagent,
      project, cwd FROM ${activityTable}`,
    startColumn: "called_at",
    endColumn: "called_at",
    projectColumn: "project",
    order: "ORDER BY called_at NULLS LAST, session_id, seq",
  },
}

/** The rows to export, filtered and ordered, as one SELECT with its values inlined. */
export const exportQuery = (table: ExportTable, filter: ExportFilter): Effect.Effect<string, ExportNotPossible> => {
  const query = queries[table]
  const conditions: Array<string> = []
  if (filter.since !== undefined) conditions.push(`${query.endColumn} >= ${instant(filter.since)}`)
  if (filter.until !== undefined) conditions.push(`${query.startColumn} < ${instant(filter.until)}`)
  if (filter.project !== undefined) {
    if (query.projectColumn === undefined) {
      return Effect.fail(new ExportNotPossible({ reason: `--project does not apply to --table ${table} (events name no project)` }))
    }
    conditions.push(`${query.projectColumn} = ${literal(filter.project)}`)
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`
  return Effect.succeed(`${query.select} ${where} ${query.order}`)
}

const copyOptions: Readonly<Record<ExportFormat, string>> = {
  csv: "FORMAT csv, HEADER true",
  json: "FORMAT json, ARRAY true",
  jsonl: "FORMAT json",
  parquet: "FORMAT parquet, COMPRESSION zstd",
}

/** Writes the rows to `file` with DuckDB's own writer for the format. */
export const writeExport = (db: Db, table: ExportTable, format: ExportFormat, filter: ExportFilter, file: string) =>
  exportQuery(table, filter).pipe(
    Effect.flatMap((select) => db.run(`COPY (${select}) TO ${literal(file)} (${copyOptions[format]})`)),
  )
