import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs"

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
