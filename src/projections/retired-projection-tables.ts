import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"

/**
 * Version 0.1.0 of this tool kept its projections in `main`, under the names the Python
 * original uses for its own tables. Ours are recognisable: `projection_versions` lists them,
 * and the original's tables all carry a `synced` column that ours never had. Only those are
 * dropped (they are folds, rebuilt in their own schema); any other table is left exactly as it is.
 */
const retiredTables = ["log_entries", "sessions", "session_models", "session_usage_hourly", "inbox_watermarks"] as const

const retiredProjectionOf: Record<(typeof retiredTables)[number], string> = {
  log_entries: "log_entries",
  sessions: "sessions",
  session_models: "sessions",
  session_usage_hourly: "sessions",
  inbox_watermarks: "inbox_watermarks",
}

const OursRow = Schema.Struct({ table_name: Schema.String })

/** Drops the 0.1.0 projection tables found in `main`, and nothing else. */
export const dropRetiredProjectionTables = (db: Db) =>
  Effect.gen(function* () {
    const ours = yield* db.all(
      OursRow,
      `SELECT t.table_name FROM information_schema.tables t
       WHERE t.table_catalog = current_database() AND t.table_schema = 'main'
         AND t.table_name IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')))
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
           WHERE c.table_catalog = t.table_catalog AND c.table_schema = 'main' AND c.table_name = t.table_name AND c.column_name = 'synced')`,
      [JSON.stringify(retiredTables)],
    )
    const recorded = new Set((yield* db.all(Schema.Struct({ name: Schema.String }), `SELECT name FROM projection_versions`)).map((row) => row.name))
    for (const { table_name } of ours) {
      const projection = retiredProjectionOf[table_name as (typeof retiredTables)[number]]
      if (recorded.has(projection)) yield* db.run(`DROP TABLE main.${table_name}`)
    }
  })
