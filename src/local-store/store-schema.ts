import { Effect, Schema } from "effect"
import { eventRelations, eventTablesDdl } from "../events/event-store.js"
import { ensureProjections, projectionRelations, projections } from "../projections/projector.js"
import type { Db } from "../store/database.js"
import type { StoreExtension } from "./store-extension.js"

/**
 * Creates what is missing and refolds outdated projections; safe to run on every open. The
 * events come first, then each extension's tables, then the projections that fold them.
 */
export const ensureSchema = (db: Db, extensions: ReadonlyArray<StoreExtension>) =>
  Effect.forEach(eventTablesDdl, (ddl) => db.run(ddl), { discard: true }).pipe(
    Effect.zipRight(Effect.forEach(extensions, (extension) => extension.ensureTables(db), { discard: true })),
    Effect.zipRight(ensureProjections(db)),
  )

/** Every table and view ensureSchema makes, as `schema.name`. */
const expectedRelations = (extensions: ReadonlyArray<StoreExtension>) => [
  ...eventRelations.map((name) => `main.${name}`),
  ...extensions.flatMap((extension) => extension.tables.map((name) => `main.${name}`)),
  ...projectionRelations,
]

const Present = Schema.Struct({ relations: Schema.Number, current_projections: Schema.Number })

/**
 * Whether ensureSchema (and every extension's opening work) would change nothing, found by
 * reading only, so a read-only open can serve the command and a store from an older version is
 * upgraded by a writer instead.
 */
export const schemaIsCurrent = (db: Db, extensions: ReadonlyArray<StoreExtension>) =>
  Effect.gen(function* () {
    const expected = expectedRelations(extensions)
    const [found] = yield* db.all(
      Present,
      `SELECT (SELECT count(DISTINCT name) FROM (
                 SELECT schema_name || '.' || table_name AS name FROM duckdb_tables() WHERE database_name = current_database()
                 UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE database_name = current_database())
               WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), name))::INTEGER AS relations,
              0 AS current_projections`,
      [JSON.stringify(expected)],
    )
    if ((found?.relations ?? 0) < expected.length) return false
    const [versions] = yield* db.all(
      Present,
      `WITH wanted AS (SELECT unnest(from_json($1::JSON, '[{"name":"VARCHAR","version":"INTEGER"}]'), recursive := true))
       SELECT 0 AS relations, count(*)::INTEGER AS current_projections
       FROM projection_versions p JOIN wanted w ON w.name = p.name AND w.version = p.version`,
      [JSON.stringify(projections.map(({ name, version }) => ({ name, version })))],
    )
    if ((versions?.current_projections ?? 0) !== projections.length) return false
    for (const extension of extensions) {
      if (extension.settled !== undefined && !(yield* extension.settled(db))) return false
    }
    return true
  })
