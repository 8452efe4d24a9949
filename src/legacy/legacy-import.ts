import { Effect, Schema } from "effect"
import type { StoreExtension, StoreSession } from "../local-store/store-extension.js"
import type { Db } from "../store/database.js"
import { legacyEvents } from "./legacy-events.js"
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

const importedFingerprint = (db: Db, sourceKey: string) =>
  db.all(MarkerRow, `SELECT fingerprint FROM legacy_imports WHERE source = $1`, [sourceKey]).pipe(
    Effect.map(([marker]) => marker?.fingerprint),
  )

/** True when the source holds none of the original's tables, or nothing that changed since its import. */
const importSettled = (db: Db, source: LegacySource) =>
  Effect.gen(function* () {
    const found = yield* findLegacyTables(db, source.catalog)
    if (!holdsLegacyData(found)) return true
    return (yield* importedFingerprint(db, source.key)) === (yield* legacyFingerprint(db, found))
  })

/**
 * Imports the original's rows from a source as events, in one transaction with their
 * projection and the marker: a crash leaves all of it or none, and a rerun adds nothing (the
 * ids are derived from the rows, and stored ids are ignored). Never writes the source's tables.
 * Undefined when the source holds none of the original's tables, or (unless `force`) nothing
 * changed since the last import.
 */
export const importLegacy = (session: StoreSession, source: LegacySource, reader: string, options: { readonly force: boolean }) =>
  Effect.gen(function* () {
    const { db } = session
    const found = yield* findLegacyTables(db, source.catalog)
    if (!holdsLegacyData(found)) return undefined
    const fingerprint = yield* legacyFingerprint(db, found)
    if (!options.force && (yield* importedFingerprint(db, source.key)) === fingerprint) return undefined
    const data = yield* readLegacyData(db, found, { withWatermark: source.withWatermark })
    const { events, skipped } = legacyEvents(data, { deviceId: session.deviceId, reader })
    const added = yield* db.transaction(Effect.gen(function* () {
      const appended = yield* session.ingest(events)
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

/**
 * The legacy import's part of every store: its marker table, and on each opening an upgrade in
 * place — the Python original's tables in this very file become events, once (their rows stay
 * where they are; a failure is logged and the next opening tries again).
 */
export const legacyStoreExtension = (reader: string, log: (line: string) => void): StoreExtension => ({
  tables: ["legacy_imports"],
  ensureTables: (db) => db.run(legacyImportsDdl),
  // A source it cannot read is never settled: the writer's opening tries, and logs why it cannot.
  settled: (db) => ownFileSource(db).pipe(Effect.flatMap((source) => importSettled(db, source)), Effect.orElseSucceed(() => false)),
  onOpen: (session) =>
    ownFileSource(session.db).pipe(
      Effect.flatMap((source) => importLegacy(session, source, reader, { force: false })),
      Effect.tap((imported) =>
        imported === undefined ? Effect.void : Effect.sync(() =>
          log(`import: ${imported.entries} entries, ${imported.sessions} sessions of the Python original, ${imported.added} new event(s), ${imported.skipped.length} row(s) skipped`))),
      Effect.catchAll((error) => Effect.sync(() => log(`import: ${error.message}`))),
    ),
})
