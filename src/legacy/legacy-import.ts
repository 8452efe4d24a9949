import { Effect, Schema } from "effect"
import { appendEvents } from "../events/event-store.js"
import { applyToProjections } from "../projections/projector.js"
import type { Db } from "../store/database.js"
import { type ImportingDevice, legacyEvents } from "./legacy-events.js"
import { findLegacyTables, holdsLegacyData, legacyFingerprint, readLegacyData } from "./legacy-tables.js"

/** Where the original's tables are read from: a catalog of this connection, under a stable key. */
export interface LegacySource {
  /** What the import marker is kept under: `local`, `file:<path>`, or the remote's name. */
  readonly key: string
  readonly catalog: string
  /** Only the user's own file has the inbox watermark that is theirs (a remote's is nobody's). */
  readonly withWatermark: boolean
}

export interface LegacyImport {
  readonly source: string
  readonly entries: number
  readonly sessions: number
  /** Events this store did not hold yet: 0 when everything was imported before. */
  readonly added: number
  readonly skipped: ReadonlyArray<string>
}

/**
 * Per source, the fingerprint of the original's tables when they were last imported: opening a
 * store whose legacy tables have not changed since costs one scan, not an import.
 */
const legacyImportsDdl = `CREATE TABLE IF NOT EXISTS legacy_imports (
  source      VARCHAR PRIMARY KEY,
  fingerprint VARCHAR NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
)`

const MarkerRow = Schema.Struct({ fingerprint: Schema.String })

/**
 * Imports the original's rows from a source as events, in one transaction with their
 * projection and the marker: a crash leaves all of it or none, and a rerun adds nothing (the
 * ids are derived from the rows, and stored ids are ignored). Never writes the source's tables.
 * Undefined when the source holds none of the original's tables, or (unless `force`) nothing
 * changed since the last import.
 */
export const importLegacy = (db: Db, source: LegacySource, device: ImportingDevice, options: { readonly force: boolean }) =>
  Effect.gen(function* () {
    const found = yield* findLegacyTables(db, source.catalog)
    if (!holdsLegacyData(found)) return undefined
    yield* db.run(legacyImportsDdl)
    const fingerprint = yield* legacyFingerprint(db, found)
    const [marker] = yield* db.all(MarkerRow, `SELECT fingerprint FROM legacy_imports WHERE source = $1`, [source.key])
    if (!options.force && marker?.fingerprint === fingerprint) return undefined
    const data = yield* readLegacyData(db, found, { withWatermark: source.withWatermark })
    const { events, skipped } = legacyEvents(data, device)
    const added = yield* db.transaction(Effect.gen(function* () {
      const appended = yield* appendEvents(db, events)
      yield* applyToProjections(db, appended)
      yield* db.run(
        `INSERT INTO legacy_imports (source, fingerprint, imported_at) VALUES ($1, $2, now())
         ON CONFLICT (source) DO UPDATE SET fingerprint = excluded.fingerprint, imported_at = excluded.imported_at`,
        [source.key, fingerprint],
      )
      return appended.length
    }))
    return { source: source.key, entries: data.entries.length, sessions: data.sessions.length, added, skipped } satisfies LegacyImport
  })

const CatalogRow = Schema.Struct({ name: Schema.String })

/** The store's own file: where the original's tables are when the user upgraded in place. */
export const ownFileSource = (db: Db) =>
  db.all(CatalogRow, `SELECT current_database() AS name`).pipe(
    Effect.map(([row]): LegacySource => ({ key: "local", catalog: row?.name ?? "memory", withWatermark: true })),
  )
