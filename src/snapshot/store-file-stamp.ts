import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { replaceFile } from "./replace-file.js"

/**
 * The database file as the last process to close it left it (size, modification time, inode),
 * written after the close. The light path trusts the entries read model only while the file is
 * still so: a file changed by anything else (damaged, truncated, migrated by hand, written by an
 * older version that keeps no read model) sends the command to the full CLI, which opens it.
 */
const stampPath = (dataDir: string) => join(dataDir, "store-closed.stamp")

const fileStamp = (database: string): string | undefined => {
  const stat = statSync(database, { throwIfNoEntry: false })
  return stat === undefined ? undefined : `${stat.size}:${stat.mtimeMs}:${stat.ino}`
}

export const writeStoreFileStamp = (dataDir: string, database: string): void => {
  const stamp = fileStamp(database)
  if (stamp !== undefined) replaceFile(stampPath(dataDir), stamp)
}

export const storeFileUnchanged = (dataDir: string, database: string): boolean => {
  try {
    const stamp = fileStamp(database)
    return stamp !== undefined && readFileSync(stampPath(dataDir), "utf8") === stamp
  } catch {
    return false
  }
}
