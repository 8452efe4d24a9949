import { Effect } from "effect"
import { existsSync, renameSync } from "node:fs"
import { type DataPaths, dataDirIsAFile } from "../config/data-paths.js"
import { rebuildProjections } from "../projections/projector.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { listBackups, restoreBackup, type RestoredCounts } from "../events/event-log-backup.js"

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

export type BackupRestore =
  | { readonly kind: "restored"; readonly file: string; readonly counts: RestoredCounts; readonly unreadable: ReadonlyArray<string> }
  | { readonly kind: "none"; readonly unreadable: ReadonlyArray<string> }

/**
 * Restores the newest backup generation that reads whole (each restore is one transaction, so a
 * damaged generation adds nothing), then refolds every projection from the events.
 */
export const restoreNewestBackup = (db: Db, backupDir: string): Effect.Effect<BackupRestore, DatabaseFailed> =>
  Effect.gen(function* () {
    const unreadable: Array<string> = []
    let outcome: BackupRestore | undefined
    for (const file of listBackups(backupDir)) {
      const restored = yield* restoreBackup(db, file).pipe(Effect.either)
      if (restored._tag === "Right") {
        outcome = { kind: "restored", file, counts: restored.right, unreadable }
        break
      }
      unreadable.push(file)
    }
    yield* db.transaction(rebuildProjections(db))
    return outcome ?? { kind: "none", unreadable }
  })
