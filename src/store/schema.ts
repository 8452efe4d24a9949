import { Effect, Schema } from "effect"
import { ensureActivityTable } from "../recording/activity-table.js"
import { eventTablesDdl } from "../events/event-store.js"
import { ensureProjections, projections } from "../projections/projector.js"
import { ensureResponseClaims } from "../recording/response-owners.js"
import { transcriptFingerprintsDdl } from "../recording/transcript-fingerprints.js"
import { ensureSyncBookkeeping } from "../sync/sync-bookkeeping.js"
import type { Db } from "./database.js"

/** Creates what is missing and refolds outdated projections; safe to run on every open. */
export const ensureSchema = (db: Db) =>
  Effect.forEach([...eventTablesDdl, transcriptFingerprintsDdl], (ddl) => db.run(ddl), { discard: true }).pipe(
    Effect.zipRight(ensureResponseClaims(db)),
    Effect.zipRight(ensureActivityTable(db)),
    Effect.zipRight(ensureSyncBookkeeping(db)),
    Effect.zipRight(ensureProjections(db)),
  )

/** Every table and view ensureSchema makes; if one is missing, the store needs a writer first. */
const expectedRelations = [
  "events",
  "local_events",
  "all_events",
  "transcript_fingerprints",
  "response_claims",
  "activity_calls",
  "sync_outbox",
  "sync_state",
  "projection_versions",
  ...projections.flatMap((projection) => projection.tables),
]

const Present = Schema.Struct({ relations: Schema.Number, current_projections: Schema.Number })

/**
 * Whether ensureSchema would change nothing, found by reading only, so a read-only open can
 * serve the command and a store from an older version is upgraded by a writer instead.
 */
export const schemaIsCurrent = (db: Db) =>
  Effect.gen(function* () {
    const [found] = yield* db.all(
      Present,
      `SELECT (SELECT count(DISTINCT name) FROM (
                 SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database()
                 UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database())
               WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), name))::INTEGER AS relations,
              0 AS current_projections`,
      [JSON.stringify(expectedRelations)],
    )
    if ((found?.relations ?? 0) < expectedRelations.length) return false
    const [versions] = yield* db.all(
      Present,
      `WITH wanted AS (SELECT unnest(from_json($1::JSON, '[{"name":"VARCHAR","version":"INTEGER"}]'), recursive := true))
       SELECT 0 AS relations, count(*)::INTEGER AS current_projections
       FROM projection_versions p JOIN wanted w ON w.name = p.name AND w.version = p.version`,
      [JSON.stringify(projections.map(({ name, version }) => ({ name, version })))],
    )
    return (versions?.current_projections ?? 0) === projections.length
  })
