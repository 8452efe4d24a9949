import { Effect, Schema } from "effect"
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { envelopeColumnNames } from "./event-store.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/**
 * A copy of the event log beside the database, so that a damaged `sessions.duckdb` does not take
 * the notes with it even when there is no remote. Each generation is the whole log (shared and
 * device-local events) as one zstd Parquet file, named after what it holds, so "has the log
 * changed since the last backup" is one existence check. The newest few generations are kept.
 */
export const generationsKept = 3

export const backupDirIn = (dataDir: string) => join(dataDir, "backups")

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`
const columns = envelopeColumnNames.join(", ")

/** A file-system step whose error keeps its own message (ENOSPC, EACCES …) for the log. */
const fsStep = <A>(step: () => A) =>
  Effect.try({ try: step, catch: (cause) => (cause instanceof Error ? cause : new Error(String(cause))) })

const LogState = Schema.Struct({ events: Schema.Number, newest: Schema.NullOr(Schema.String) })

/** Backup files, newest first. */
export const listBackups = (dir: string): ReadonlyArray<string> => {
  let names: ReadonlyArray<string>
  try {
    names = readdirSync(dir).filter((name) => /^events-.*\.parquet$/.test(name))
  } catch {
    return []
  }
  const mtime = (name: string) => {
    try {
      return statSync(join(dir, name)).mtimeMs
    } catch {
      return 0
    }
  }
  return names
    .map((name) => ({ path: join(dir, name), mtime: mtime(name) }))
    .sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? 1 : -1))
    .map((file) => file.path)
}

const removeQuietly = (path: string) => {
  try {
    unlinkSync(path)
  } catch {
    // Already gone.
  }
}

/**
 * Writes a new generation if the log changed since the newest one: a temp file, then a rename,
 * so a backup is whole or absent; then drops generations beyond the newest few.
 */
export const backupEventLog = (db: Db, dir: string): Effect.Effect<void, DatabaseFailed | Error> =>
  Effect.gen(function* () {
    const [state] = yield* db.all(
      LogState,
      `SELECT ((SELECT count(*) FROM events) + (SELECT count(*) FROM local_events))::DOUBLE AS events,
         (SELECT max(id) FROM all_events) AS newest`,
    )
    if (state === undefined || state.newest === null) return
    const file = join(dir, `events-${state.newest}-${state.events}.parquet`)
    const exists = yield* fsStep(() => statSync(file, { throwIfNoEntry: false }) !== undefined)
    if (exists) return
    yield* fsStep(() => mkdirSync(dir, { recursive: true }))
    const temp = `${file}.${process.pid}.tmp`
    yield* db.run(
      `COPY (SELECT ${columns}, false AS local_only FROM events UNION ALL SELECT ${columns}, true FROM local_events ORDER BY id)
       TO ${sqlString(temp)} (FORMAT parquet, COMPRESSION zstd)`,
    ).pipe(
      Effect.zipRight(fsStep(() => renameSync(temp, file))),
      // A full disk must not leave half a backup behind.
      Effect.tapError(() => Effect.sync(() => removeQuietly(temp))),
    )
    for (const old of listBackups(dir).slice(generationsKept)) removeQuietly(old)
  })

const Restored = Schema.Struct({ id: Schema.String })

export interface RestoredCounts {
  readonly shared: number
  readonly local: number
  /** The newest event the backup holds. */
  readonly newest: string | null
}

const Newest = Schema.Struct({ newest: Schema.NullOr(Schema.String) })

/**
 * Adds a backup's events to the store, keeping what is already there; the shared ones are queued
 * for the next push, since the remote may never have received them (the remote ignores ids it has).
 */
export const restoreBackup = (db: Db, file: string): Effect.Effect<RestoredCounts, DatabaseFailed> =>
  db.transaction(Effect.gen(function* () {
    const source = `read_parquet(${sqlString(file)})`
    const [newest] = yield* db.all(Newest, `SELECT max(id) AS newest FROM ${source}`)
    const shared = yield* db.all(
      Restored,
      `INSERT INTO events (${columns}) SELECT ${columns} FROM ${source} WHERE NOT local_only ORDER BY id
       ON CONFLICT (id) DO NOTHING RETURNING id`,
    )
    yield* db.run(`INSERT INTO sync_outbox SELECT id FROM ${source} WHERE NOT local_only ON CONFLICT DO NOTHING`)
    const local = yield* db.all(
      Restored,
      `INSERT INTO local_events (${columns}) SELECT ${columns} FROM ${source} WHERE local_only ORDER BY id
       ON CONFLICT (id) DO NOTHING RETURNING id`,
    )
    return { shared: shared.length, local: local.length, newest: newest?.newest ?? null }
  }))
