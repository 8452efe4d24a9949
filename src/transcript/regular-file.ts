import { closeSync, constants, fstatSync, openSync, statSync } from "node:fs"

/**
 * Opens a file for reading only if it is a regular file. A FIFO, socket or device named like a
 * transcript would block the open or never end, and hold up every recording queued behind it;
 * it is refused before opening, and the open itself never blocks (O_NONBLOCK) in case the path
 * is swapped for one in between. Throws with the reason otherwise.
 */
export const openRegularFile = (path: string): number => {
  if (!statSync(path).isFile()) throw new Error(`${path} is not a regular file`)
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  if (!fstatSync(fd).isFile()) {
    closeSync(fd)
    throw new Error(`${path} is not a regular file`)
  }
  return fd
}

/** Whether a path is a regular file (following symlinks); false when it cannot be checked. */
export const isRegularFile = (path: string): boolean => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
