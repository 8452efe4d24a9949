import { spawnSync } from "node:child_process"
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { markStoreFileHeld, storeFileTrusted, writeStoreFileStamp } from "../../src/snapshot/store-file-stamp.js"

const storeDir = () => {
  const dataDir = mkdtempSync(join(tmpdir(), "csl-stamp-"))
  const database = join(dataDir, "sessions.duckdb")
  writeFileSync(database, "as the last close left it")
  return { dataDir, database }
}

/** How another process marks the store it holds (this module's format, written as that process would). */
const markedBy = (dataDir: string, pid: number) => writeFileSync(join(dataDir, "store-closed.stamp"), `held-by:${pid}`)

const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid ?? 0

describe("the store file stamp", () => {
  it("trusts a file as its last close left it, and not once something else changed it", () => {
    const { dataDir, database } = storeDir()
    expect(storeFileTrusted(dataDir, database)).toBe(false)
    writeStoreFileStamp(dataDir, database)
    expect(storeFileTrusted(dataDir, database)).toBe(true)
    appendFileSync(database, ", then changed by another program")
    expect(storeFileTrusted(dataDir, database)).toBe(false)
  })

  it("trusts a changed file while a live process holds it by its mark, not once that process is dead", () => {
    const { dataDir, database } = storeDir()
    appendFileSync(database, ", then checkpointed by its holder")
    markedBy(dataDir, process.ppid)
    expect(storeFileTrusted(dataDir, database)).toBe(true)
    markedBy(dataDir, deadPid())
    expect(storeFileTrusted(dataDir, database)).toBe(false)
  })

  it("marks the store held only when it could trust the file, so a mark never hides a change made before it", () => {
    const { dataDir, database } = storeDir()
    writeStoreFileStamp(dataDir, database)
    appendFileSync(database, ", changed by an older version")
    markStoreFileHeld(dataDir, database)
    expect(storeFileTrusted(dataDir, database)).toBe(false)
    // Its close stamps the file as it leaves it: trusted again.
    writeStoreFileStamp(dataDir, database)
    expect(storeFileTrusted(dataDir, database)).toBe(true)
  })

  it("a close leaves the mark of a live process that opened the store after it, and stamps over a dead one's", () => {
    const { dataDir, database } = storeDir()
    markedBy(dataDir, process.ppid)
    writeStoreFileStamp(dataDir, database)
    appendFileSync(database, ", checkpointed by the new holder")
    expect(storeFileTrusted(dataDir, database)).toBe(true)
    markedBy(dataDir, deadPid())
    writeStoreFileStamp(dataDir, database)
    expect(storeFileTrusted(dataDir, database)).toBe(true)
  })
})
