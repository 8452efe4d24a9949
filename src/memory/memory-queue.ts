import { createHash } from "node:crypto"
import { mkdirSync, readdirSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { syncDirectory, writeFileDurably } from "../store/durable-file.js"

/**
 * Memory files the hook saw written and no push has recorded yet. The hook only queues the path
 * (durably, a few ms) and starts a detached push; a push that dies leaves the entry for the next.
 */
export const memoryQueueDir = (dataDir: string) => join(dataDir, "memory-queue")

export const enqueueMemoryPath = (dataDir: string, path: string): void => {
  const dir = memoryQueueDir(dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const pathHash = createHash("sha256").update(path).digest("hex").slice(0, 16)
  writeFileDurably(join(dir, `${Date.now()}-${process.pid}-${pathHash}.json`), JSON.stringify({ path }))
  syncDirectory(dir)
}

/** The queue entries present now; a push removes exactly these once it has recorded what is on disk. */
export const queuedMemoryEntries = (dataDir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(memoryQueueDir(dataDir)).filter((name) => name.endsWith(".json")).map((name) => join(memoryQueueDir(dataDir), name))
  } catch {
    return []
  }
}

export const removeQueueEntries = (entries: ReadonlyArray<string>): void => {
  for (const entry of entries) {
    try {
      unlinkSync(entry)
    } catch {
      // Another push removed it.
    }
  }
}
