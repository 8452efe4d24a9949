/** A version of a memory file the store holds, as reconcile needs it. */
export interface StoredVersion {
  /** Null for a deletion. */
  readonly sha256: string | null
  readonly content: string
  /** Who wrote it: names the conflict copy. */
  readonly label: string
}

export interface FileSituation {
  /** The file on disk now (undefined: absent). */
  readonly localSha: string | undefined
  /** The version this device last synced for this path (undefined: never). */
  readonly baseSha: string | undefined
  /** What every device should hold: the newest written version, or a deletion. */
  readonly latest: StoredVersion
  /** Every written version not yet replaced (more than one is a conflict). */
  readonly heads: ReadonlyArray<StoredVersion>
  /** Versions already written beside this file as conflict copies. */
  readonly knownConflicts: ReadonlySet<string>
}

export interface PullAction {
  readonly kind: "write" | "delete" | "keep"
  /** For "write": the version to write. */
  readonly version?: StoredVersion
  /** Other versions to write beside the kept local file. */
  readonly conflicts: ReadonlyArray<StoredVersion>
  /** What this device has now synced (undefined: forget the path). */
  readonly baseSha: string | undefined
}

/**
 * What pulling does to one file. The store's newest version replaces the local file only when the
 * local file is what this device last synced (or absent and never synced). A local edit the
 * remote has not seen is never overwritten: if the remote moved too, the other versions are written
 * beside it as conflict copies, and the local edit goes out with the next push. A deletion never
 * removes a file edited here since.
 */
export const reconcile = (file: FileSituation): PullAction => {
  const { baseSha, heads, knownConflicts, latest, localSha } = file
  const newConflicts = (except: string) => heads.filter((head) => head.sha256 !== except && !knownConflicts.has(head.sha256 ?? ""))
  const take: PullAction = latest.sha256 === null
    ? { kind: localSha === undefined ? "keep" : "delete", conflicts: [], baseSha: undefined }
    : { kind: "write", version: latest, conflicts: [], baseSha: latest.sha256 }

  if (localSha === undefined) {
    // Deleted here but not pushed yet: the deletion stands unless the file changed elsewhere since.
    const deletedHere = baseSha !== undefined && (latest.sha256 === baseSha || latest.sha256 === null)
    return deletedHere ? { kind: "keep", conflicts: [], baseSha } : take
  }
  if (heads.some((head) => head.sha256 === localSha)) {
    return { kind: "keep", conflicts: newConflicts(localSha), baseSha: localSha }
  }
  if (localSha === baseSha) return take
  // Edited here since the last sync.
  const movedElsewhere = latest.sha256 !== null && !heads.some((head) => head.sha256 === baseSha)
  return { kind: "keep", conflicts: movedElsewhere ? newConflicts(localSha) : [], baseSha }
}
