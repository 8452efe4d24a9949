import { Effect, Schema } from "effect"
import { existsSync } from "node:fs"
import { appendActivityLog } from "../config/activity-log.js"
import type { DataPaths } from "../config/data-paths.js"
import { newestEventId, storedEventCount } from "../events/event-store.js"
import { memoryFilesTable } from "../projections/memory-files.js"
import type { Db } from "../store/database.js"
import { isCurrentMemoryIndex, memoryIndexPath, type MemoryFileText, readMemoryIndexStamp, writeMemoryIndex } from "./memory-index-file.js"

const MemoryFileRow = Schema.Struct({ project_key: Schema.String, name: Schema.String, content: Schema.String })

/** Every memory file the store holds, newest version, deletions left out, in the order search prints them. */
const storedMemoryFiles = (db: Db) =>
  db.all(MemoryFileRow, `SELECT project_key, name, content FROM ${memoryFilesTable} WHERE sha256 IS NOT NULL ORDER BY project_key, name`)

const storeStamp = (db: Db) => Effect.all({ newestEventId: newestEventId(db), eventCount: storedEventCount(db) })

/**
 * The index is a cache: failing to write it fails nothing, and the next search reads the store.
 * A data dir that does not exist (a search before anything was stored) is not created for it.
 */
const writeIndex = (paths: DataPaths, stamp: { readonly newestEventId: string | null; readonly eventCount: number }, files: ReadonlyArray<MemoryFileText>) =>
  Effect.sync(() => {
    if (!existsSync(paths.dataDir)) return
    try {
      writeMemoryIndex(memoryIndexPath(paths.dataDir), stamp, files)
    } catch (error) {
      appendActivityLog(paths.log, `memory index: ${error instanceof Error ? error.message : String(error)}`)
    }
  })

/** After work that may have changed memory (push, pull): rewrites the memory index unless it is current. */
export const refreshMemoryIndex = (db: Db, paths: DataPaths) =>
  Effect.gen(function* () {
    const stamp = yield* storeStamp(db)
    if (isCurrentMemoryIndex(readMemoryIndexStamp(memoryIndexPath(paths.dataDir)), stamp)) return
    yield* writeIndex(paths, stamp, yield* storedMemoryFiles(db))
  })

/** Every stored memory file, for a search the launcher could not answer; the index is rewritten from them unless current. */
export const memoryFilesForSearch = (db: Db, paths: DataPaths) =>
  Effect.gen(function* () {
    const stamp = yield* storeStamp(db)
    const files = yield* storedMemoryFiles(db)
    if (!isCurrentMemoryIndex(readMemoryIndexStamp(memoryIndexPath(paths.dataDir)), stamp)) yield* writeIndex(paths, stamp, files)
    return files
  })
