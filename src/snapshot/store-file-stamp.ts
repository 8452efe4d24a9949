import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { isAlive } from "../store/process-alive.js"
import { replaceFile } from "./replace-file.js"

/**
 * The database file as the last process to close it left it (size, modification time, inode),
 * written after the close. The light path trusts the entries read model only while the file is
 * still so: a file changed by anything else (damaged, truncated, migrated by hand, written by an
 * older version that keeps no read model) sends the command to the full CLI, which opens it.
 *
 * While a process holds the store, DuckDB rewrites the file (at its checkpoints, the last one in
 * the close) long before that process can stamp it. So a process that opens a file it can trust
 * marks it held instead (`held-by:<pid>`): nothing else can write the file while it holds the
 * lock, and it refreshes the read model before letting go, so the light path trusts the file for
 * as long as that process lives. Without the mark, a `list` typed while the `store-queued` that
 * a `log` started is closing the store would wait for the full CLI and the lock.
 */
const stampPath = (dataDir: string) => join(dataDir, "store-closed.stamp")

const heldPrefix = "held-by:"

const fileStamp = (database: string): string | undefined => {
  const stat = statSync(database, { throwIfNoEntry: false })
  return stat === undefined ? undefined : `${stat.size}:${stat.mtimeMs}:${stat.ino}`
}

const readStamp = (dataDir: string): string | undefined => {
  try {
    return readFileSync(stampPath(dataDir), "utf8")
  } catch {
    return undefined
  }
}

/** The pid a held mark names, or undefined for a stamp of the file (or none). */
const holderOf = (stamp: string | undefined): number | undefined => {
  if (stamp?.startsWith(heldPrefix) !== true) return undefined
  const pid = Number(stamp.slice(heldPrefix.length))
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

/** Whether another live process holds the store by its mark: a dead one's mark proves nothing. */
const heldByAnotherLiveProcess = (stamp: string | undefined): boolean => {
  const holder = holderOf(stamp)
  return holder !== undefined && holder !== process.pid && isAlive(holder)
}

/** True when the file is as its last close left it, or a live process holds it by its mark. */
export const storeFileTrusted = (dataDir: string, database: string): boolean => {
  try {
    const stamp = readStamp(dataDir)
    if (heldByAnotherLiveProcess(stamp)) return true
    const current = fileStamp(database)
    return current !== undefined && stamp === current
  } catch {
    return false
  }
}

/**
 * Called once this process holds the store's lock: marks the file held, if it is one the light
 * path may trust. A file it may not trust keeps its stale stamp until this process's close stamps it.
 */
export const markStoreFileHeld = (dataDir: string, database: string): void => {
  if (storeFileTrusted(dataDir, database)) replaceFile(stampPath(dataDir), `${heldPrefix}${process.pid}`)
}

/**
 * After the close: the file as this process left it. Not over another live process's mark: that
 * process opened the store after this one closed it, and stamps it when it closes in turn.
 */
export const writeStoreFileStamp = (dataDir: string, database: string): void => {
  if (heldByAnotherLiveProcess(readStamp(dataDir))) return
  const stamp = fileStamp(database)
  if (stamp !== undefined) replaceFile(stampPath(dataDir), stamp)
}
