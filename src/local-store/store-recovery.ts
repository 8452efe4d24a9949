import { Effect, Schema } from "effect"
import { existsSync, renameSync } from "node:fs"
import { type DataPaths, dataDirIsAFile } from "../config/data-paths.js"
import { isLocalOnly } from "../events/domain-event.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { StoreSession } from "./store-extension.js"
import { listBackups, readBackup } from "../events/event-log-backup.js"

/** One recover at a time: a second one would set aside the store the first has just rebuilt. */
export const recoverLockPath = (dataDir: string) => `${dataDir}.recover.lock`

export class RecoverBusy extends Schema.TaggedError<RecoverBusy>()("RecoverBusy", {}) {
  override get message() {
    return "another recover of this data dir is running; wait for it to finish"
  }
}

export interface SetAside {
  readonly from: string
  readonly to: string
}

/**
 * Renames the damaged store (and its WAL), or a file squatting where the data dir belongs, to a
 * `.damaged-<stamp>` name beside it. Nothing is deleted: the user may still want to salvage it.
 */
export const setDamagedAside = (paths: DataPaths, stamp: string): ReadonlyArray<SetAside> => {
  const candidates = dataDirIsAFile(paths.dataDir) ? [paths.dataDir] : [paths.database, `${paths.database}.wal`]
  return candidates.filter((path) => existsSync(path)).map((from) => {
    const to = `${from}.damaged-${stamp}`
    renameSync(from, to)
    return { from, to }
  })
}

export interface RestoredCounts {
  readonly shared: number
  readonly local: number
  /** The newest event the backup holds. */
  readonly newest: string | null
}

export type BackupRestore =
  | { readonly kind: "restored"; readonly file: string; readonly counts: RestoredCounts; readonly unreadable: ReadonlyArray<string> }
  | { readonly kind: "none"; readonly unreadable: ReadonlyArray<string> }

/**
 * Restores the newest backup generation that reads whole, through the write path: its events are
 * stored with their projections, and what is shared is queued for the next push, since the
 * remote may never have received it (the remote ignores ids it has).
 */
export const restoreNewestBackup = (session: StoreSession, backupDir: string): Effect.Effect<BackupRestore, DatabaseFailed> =>
  Effect.gen(function* () {
    const unreadable: Array<string> = []
    for (const file of listBackups(backupDir)) {
      const events = yield* readBackup(session.db, file).pipe(Effect.either)
      if (events._tag === "Left") {
        unreadable.push(file)
        continue
      }
      const stored = yield* session.db.transaction(session.ingest(events.right))
      const local = stored.filter((event) => isLocalOnly(event.type)).length
      const counts = { shared: stored.length - local, local, newest: events.right.at(-1)?.id ?? null }
      return { kind: "restored", file, counts, unreadable } satisfies BackupRestore
    }
    return { kind: "none", unreadable } satisfies BackupRestore
  })
