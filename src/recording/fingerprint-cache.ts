import { readFileSync, statSync, unlinkSync } from "node:fs"
import { dirname, join } from "node:path"
import { version } from "../config/version.js"
import { replaceFile } from "../snapshot/replace-file.js"

/**
 * A copy of the transcript_fingerprints table beside the store, so that a backfill over an
 * unchanged history is answered without loading the full CLI or DuckDB (cli/light-backfill.ts).
 * Written by every backfill while it holds the store, from the table as it leaves it; dropped
 * whenever the table is created or emptied (a new store, a new recording table). It is trusted
 * only for the store file it was written beside (same inode) and by the same version, which
 * is the one that could have changed the table's meaning.
 */
const fingerprintCachePath = (database: string): string => join(dirname(database), "transcript-fingerprints.json")

interface FingerprintCache {
  readonly version: string
  readonly storeInode: number
  readonly fingerprints: Readonly<Record<string, string>>
}

const inodeOf = (path: string): number | undefined => statSync(path, { throwIfNoEntry: false })?.ino

export const dropFingerprintCache = (database: string): void => {
  try {
    unlinkSync(fingerprintCachePath(database))
  } catch {
    // None was written.
  }
}

/** Never fails the backfill it follows: a copy that cannot be written is dropped rather than left stale. */
export const writeFingerprintCache = (database: string, fingerprints: ReadonlyMap<string, string>): void => {
  try {
    const storeInode = inodeOf(database)
    if (storeInode === undefined) return
    const cache: FingerprintCache = { version, storeInode, fingerprints: Object.fromEntries(fingerprints) }
    replaceFile(fingerprintCachePath(database), JSON.stringify(cache))
  } catch {
    dropFingerprintCache(database)
  }
}

/** The cached fingerprints, when they can stand for the table of this store file. */
export const cachedFingerprints = (database: string): ReadonlyMap<string, string> | undefined => {
  try {
    const cache = JSON.parse(readFileSync(fingerprintCachePath(database), "utf8")) as Partial<FingerprintCache>
    const current = cache.version === version && cache.storeInode !== undefined && cache.storeInode === inodeOf(database)
    return current && typeof cache.fingerprints === "object" && cache.fingerprints !== null
      ? new Map(Object.entries(cache.fingerprints).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
      : undefined
  } catch {
    return undefined
  }
}
