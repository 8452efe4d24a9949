import { Effect, Schema } from "effect"
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { envelopeColumnNames, readEventsFrom } from "./event-store.js"
import type { StoredEvent } from "./stored-event.js"
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
 * A large log is copied at most every ten minutes: the copy's cost grows with the log (about 4 s
 * at a million events), and what changes meanwhile is in the next generation.
 */
const largeLogThrottle = { events: 100_000, everyMs: 10 * 60_000 } as const

const newestBackupAgeMs = (dir: string): number => {
  const [newest] = listBackups(dir)
  if (newest === undefined) return Number.POSITIVE_INFINITY
  try {
    return Date.now() - statSync(newest).mtimeMs
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/**
 * Writes a new generation if the log changed since the newest one: a temp file, then a rename,
 * so a backup is whole or absent; then drops generations beyond the newest few.
 */
export const backupEventLog = (
  db: Db,
  dir: string,
  throttle: { readonly events: number; readonly everyMs: number } = largeLogThrottle,
): Effect.Effect<void, DatabaseFailed | Error> =>
  Effect.gen(function* () {
    const [state] = yield* db.all(
      LogState,
      `SELECT ((SELECT count(*) FROM events) + (SELECT count(*) FROM local_events))::DOUBLE AS events,
         (SELECT max(id) FROM all_events) AS newest`,
    )
    if (state === undefined || state.newest === null) return
    const file = join(dir, `events-${state.newest}-${state.events}.parquet`)
    const exists = yield* fsStep(() => statSync(file, { throwIfNoEntry: false }) !== undefined)
    if (exists || (state.events > throttle.events && newestBackupAgeMs(dir) < throttle.everyMs)) return
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

/** A backup's events, in id order; fails (adding nothing anywhere) when the file does not read whole. */
export const readBackup = (db: Db, file: string): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> =>
  readEventsFrom(db, `read_parquet(${sqlString(file)})`)
