import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs"
import { join } from "node:path"
import { isAlive } from "./process-alive.js"

/** fsync a directory so a rename into it survives a power loss. */
export const syncDirectory = (dir: string): void => {
  const fd = openSync(dir, "r")
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes a file so that it is either there whole or not at all: temp name, fsync, rename.
 * Callers fsync the directory once after a batch (syncDirectory).
 */
export const writeFileDurably = (path: string, content: string): void => {
  const temp = `${path}.${process.pid}.tmp`
  const fd = openSync(temp, "w")
  try {
    try {
      writeSync(fd, content)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    // A full disk or a killed rename: leave no half-written temp file behind.
    rmSync(temp, { force: true })
    throw error
  }
}

const tempFileName = /\.(\d+)\.tmp$/

/**
 * Removes the temp files writeFileDurably left in `dir` when its process was killed before the
 * rename (`<name>.<pid>.tmp` of a pid no longer running). A live writer's temp file stays.
 */
export const removeOrphanedTempFiles = (dir: string): void => {
  let names: ReadonlyArray<string>
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(tempFileName.exec(name)?.[1] ?? Number.NaN)
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) rmSync(join(dir, name), { force: true })
  }
}
