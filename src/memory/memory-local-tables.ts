import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import { insertRowsSql } from "../store/insert-rows.js"

/**
 * Device-local bookkeeping of memory sync, never synced: which version of each memory file (by
 * its path here) this device last pushed or pulled, which conflict copies it wrote, and when it
 * last pushed and pulled. A local edit is a file whose hash differs from what was synced.
 */
const localTablesDdl = [
  `CREATE TABLE IF NOT EXISTS memory_synced (path VARCHAR PRIMARY KEY, project_key VARCHAR NOT NULL, name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS memory_conflicts (path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, conflict_file VARCHAR NOT NULL, label VARCHAR NOT NULL, PRIMARY KEY (path, sha256))`,
  `CREATE TABLE IF NOT EXISTS memory_sync_times (action VARCHAR PRIMARY KEY, synced_at TIMESTAMPTZ NOT NULL)`,
]

export const ensureMemoryTables = (db: Db) => Effect.forEach(localTablesDdl, (ddl) => db.run(ddl), { discard: true })

export const SyncedRow = Schema.Struct({ path: Schema.String, project_key: Schema.String, name: Schema.String, sha256: Schema.String })
export type SyncedRow = typeof SyncedRow.Type
export const ConflictRow = Schema.Struct({ path: Schema.String, sha256: Schema.String, conflict_file: Schema.String, label: Schema.String })
export type ConflictRow = typeof ConflictRow.Type

export const readSynced = (db: Db) => db.all(SyncedRow, `SELECT path, project_key, name, sha256 FROM memory_synced`)
export const readConflicts = (db: Db) => db.all(ConflictRow, `SELECT path, sha256, conflict_file, label FROM memory_conflicts ORDER BY conflict_file`)

const pathKeys = (paths: ReadonlyArray<string>) => JSON.stringify(paths)

/** Records what is now synced for these paths (replacing), and forgets `forgotten`. */
export const saveSynced = (db: Db, rows: ReadonlyArray<SyncedRow>, forgotten: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const paths = [...rows.map((row) => row.path), ...forgotten]
    if (paths.length === 0) return
    yield* db.run(`DELETE FROM memory_synced WHERE path IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')))`, [pathKeys(paths)])
    if (rows.length > 0) {
      yield* db.run(insertRowsSql("memory_synced", { path: "VARCHAR", project_key: "VARCHAR", name: "VARCHAR", sha256: "VARCHAR" }), [JSON.stringify(rows)])
    }
  })

export const addConflicts = (db: Db, rows: ReadonlyArray<ConflictRow>) =>
  rows.length === 0 ? Effect.void : db.run(
    insertRowsSql("memory_conflicts", { path: "VARCHAR", sha256: "VARCHAR", conflict_file: "VARCHAR", label: "VARCHAR" }, "ON CONFLICT DO NOTHING"),
    [JSON.stringify(rows)],
  )

export const removeConflicts = (db: Db, conflictFiles: ReadonlyArray<string>) =>
  conflictFiles.length === 0 ? Effect.void : db.run(
    `DELETE FROM memory_conflicts WHERE conflict_file IN (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')))`,
    [pathKeys(conflictFiles)],
  )

export const noteSyncTime = (db: Db, action: "push" | "pull") =>
  db.run(`INSERT INTO memory_sync_times VALUES ($1, now()) ON CONFLICT (action) DO UPDATE SET synced_at = excluded.synced_at`, [action])
