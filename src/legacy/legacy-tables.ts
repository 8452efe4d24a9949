import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import type { LegacyData } from "./legacy-rows.js"

/** How a column is read: times as ISO-8601 UTC text, numbers as doubles, the rest as text. */
type ColumnKind = "text" | "time" | "number"

const entryColumns = {
  id: "text", session_id: "text", logged_at: "time", category: "text", status: "text", title: "text", body: "text",
  updated_at: "time", created_by: "text", updated_by: "text",
} as const satisfies Record<string, ColumnKind>

const sessionColumns = {
  session_id: "text", project: "text", cwd: "text", session_date: "time", started_at: "time", ended_at: "time",
  duration_min: "number", models: "text", input_tokens: "number", output_tokens: "number", cache_write_tokens: "number",
  cache_read_tokens: "number", cost_usd: "number", message_count: "number", tool_call_count: "number", skills_used: "text",
  git_branch: "text", cc_version: "text", title: "text", session_type: "text", created_by: "text",
} as const satisfies Record<string, ColumnKind>

const modelColumns = {
  session_id: "text", model: "text", input_tokens: "number", output_tokens: "number", cache_write_tokens: "number",
  cache_read_tokens: "number", cost_usd: "number",
} as const satisfies Record<string, ColumnKind>

type Columns = Readonly<Record<string, ColumnKind>>

const rowSchema = <C extends Columns>(columns: C) =>
  Schema.Struct(Object.fromEntries(Object.entries(columns).map(([name, kind]) =>
    [name, kind === "number" ? Schema.NullOr(Schema.Number) : Schema.NullOr(Schema.String)])) as {
      readonly [K in keyof C]: C[K] extends "number" ? Schema.NullOr<typeof Schema.Number> : Schema.NullOr<typeof Schema.String>
    })

const EntryRow = Schema.Struct({ ...rowSchema(entryColumns).fields, id: Schema.String, project: Schema.NullOr(Schema.String) })
const SessionRow = Schema.Struct({ ...rowSchema(sessionColumns).fields, session_id: Schema.String })
const ModelRow = Schema.Struct({ ...rowSchema(modelColumns).fields, session_id: Schema.String, model: Schema.String })

const ColumnRow = Schema.Struct({ table_name: Schema.String, column_name: Schema.String, data_type: Schema.String })
const ValueRow = Schema.Struct({ value: Schema.NullOr(Schema.String) })
const FingerprintRow = Schema.Struct({ fingerprint: Schema.String })

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The original's tables found in a catalog, each with its columns and their types. */
export interface LegacyTables {
  readonly catalog: string
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, string>>
}

const legacyTableNames = ["log_entries", "sessions", "session_models", "meta"] as const

/**
 * Finds the original's tables in `main` of a catalog. Ours never live there (they have a schema
 * of their own), and a 0.1.0 table of ours (with `last_event_id`) is not the original's.
 */
export const findLegacyTables = (db: Db, catalog: string) =>
  db.all(
    ColumnRow,
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_catalog = $1 AND table_schema = 'main' AND table_name IN (SELECT unnest(from_json($2::JSON, '["VARCHAR"]')))`,
    [catalog, JSON.stringify(legacyTableNames)],
  ).pipe(Effect.map((rows): LegacyTables => {
    const tables = new Map<string, Map<string, string>>()
    for (const row of rows) {
      const columns = tables.get(row.table_name) ?? new Map<string, string>()
      columns.set(row.column_name, row.data_type)
      tables.set(row.table_name, columns)
    }
    for (const [name, columns] of tables) if (columns.has("last_event_id")) tables.delete(name)
    const hasKeys = (name: string, keys: ReadonlyArray<string>) => keys.every((key) => tables.get(name)?.has(key) === true)
    if (!hasKeys("log_entries", ["id"])) tables.delete("log_entries")
    if (!hasKeys("sessions", ["session_id"])) tables.delete("sessions")
    if (!hasKeys("session_models", ["session_id", "model"]) || !tables.has("sessions")) tables.delete("session_models")
    if (!hasKeys("meta", ["key", "value"])) tables.delete("meta")
    return { catalog, tables }
  }))

export const holdsLegacyData = (found: LegacyTables) => found.tables.has("log_entries") || found.tables.has("sessions")

const tableRef = (found: LegacyTables, table: string) => `${quoted(found.catalog)}.main.${quoted(table)}`

/** One column as its kind, whatever type the original's file gave it; NULL where it is missing. */
const columnExpression = (types: ReadonlyMap<string, string>, alias: string, name: string, kind: ColumnKind) => {
  const type = types.get(name)
  const column = `${alias}.${quoted(name)}`
  if (type === undefined) return `NULL AS ${name}`
  if (kind === "number") return `TRY_CAST(${column} AS DOUBLE) AS ${name}`
  if (kind === "time" && type.startsWith("TIMESTAMP WITH TIME ZONE")) {
    return `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ${name}`
  }
  // A plain TIMESTAMP or DATE: the original stored UTC without saying so.
  if (kind === "time" && (type.startsWith("TIMESTAMP") || type === "DATE")) {
    return `strftime(${column}::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${name}`
  }
  return `CAST(${column} AS VARCHAR) AS ${name}`
}

const selectList = (found: LegacyTables, table: string, alias: string, columns: Columns) => {
  const types = found.tables.get(table) ?? new Map<string, string>()
  return Object.entries(columns).map(([name, kind]) => columnExpression(types, alias, name, kind)).join(", ")
}

/**
 * A fingerprint of everything the original's tables hold (row count and an XOR of row hashes
 * per table): equal fingerprints mean nothing to import, at the cost of one scan in DuckDB.
 */
export const legacyFingerprint = (db: Db, found: LegacyTables) =>
  Effect.forEach([...found.tables.keys()].sort(), (table) =>
    db.all(
      FingerprintRow,
      `SELECT count(*)::VARCHAR || ':' || coalesce(bit_xor(hash(t))::VARCHAR, '') AS fingerprint FROM ${tableRef(found, table)} t`,
    ).pipe(Effect.map((rows) => `${table}=${rows[0]?.fingerprint ?? ""}`))).pipe(Effect.map((parts) => parts.join(";")))

/** Reads every row of the original's tables, by column name. */
export const readLegacyData = (db: Db, found: LegacyTables, options: { readonly withWatermark: boolean }) =>
  Effect.gen(function* () {
    const sessionProject = found.tables.get("sessions")?.has("project") === true
      ? `(SELECT any_value(CAST(s.project AS VARCHAR)) FROM ${tableRef(found, "sessions")} s WHERE s.session_id = e.session_id)`
      : "NULL"
    const entries = found.tables.has("log_entries")
      ? yield* db.all(
        EntryRow,
        `SELECT ${selectList(found, "log_entries", "e", entryColumns)}, ${sessionProject} AS project
         FROM ${tableRef(found, "log_entries")} e WHERE e.id IS NOT NULL`,
      )
      : []
    const sessions = found.tables.has("sessions")
      ? yield* db.all(SessionRow, `SELECT ${selectList(found, "sessions", "s", sessionColumns)} FROM ${tableRef(found, "sessions")} s WHERE s.session_id IS NOT NULL`)
      : []
    const models = found.tables.has("session_models")
      ? yield* db.all(
        ModelRow,
        `SELECT ${selectList(found, "session_models", "m", modelColumns)} FROM ${tableRef(found, "session_models")} m
         WHERE m.session_id IS NOT NULL AND m.model IS NOT NULL`,
      )
      : []
    const watermark = options.withWatermark && found.tables.has("meta")
      ? (yield* db.all(ValueRow, `SELECT CAST(value AS VARCHAR) AS value FROM ${tableRef(found, "meta")} WHERE key = 'inbox_watermark'`))[0]?.value ?? null
      : null
    return { entries, sessions, models, inboxWatermark: watermark } satisfies LegacyData
  })
