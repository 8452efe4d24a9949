import { createHash } from "node:crypto"
import { existsSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { memoryFileEntity } from "../events/domain-event.js"
import { memoryFileNames, type ProjectSlug } from "./memory-dirs.js"
import type { ConflictRow, SyncedRow } from "./memory-local-tables.js"
import { secretKindIn } from "./secret-patterns.js"

/** Larger files are not memory Claude loads usefully, and stay on the machine. */
export const maxMemoryFileBytes = 1024 * 1024

export const sha256Of = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex")

/** A memory file as it is on disk now. */
export interface LocalFile {
  readonly path: string
  readonly projectKey: string
  readonly name: string
  readonly content: string
  readonly sha256: string
  readonly bytes: number
}

/** A file that changed since this device last synced it, or whose conflict copy was removed. */
export type LocalChange =
  | { readonly kind: "written"; readonly file: LocalFile; readonly parents: ReadonlyArray<string>; readonly resolved: ReadonlyArray<ConflictRow> }
  | { readonly kind: "deleted"; readonly synced: SyncedRow }

/** A file that may not leave the machine (yet), and why. */
export interface HeldBack {
  readonly path: string
  readonly name: string
  readonly reason: string
}

export interface LocalScan {
  readonly changes: ReadonlyArray<LocalChange>
  readonly held: ReadonlyArray<HeldBack>
  /** Conflict copies the user removed, whether or not they still matter. */
  readonly removedConflicts: ReadonlyArray<ConflictRow>
}

export interface ScanInput {
  readonly slugs: ReadonlyArray<ProjectSlug>
  readonly synced: ReadonlyArray<SyncedRow>
  readonly conflicts: ReadonlyArray<ConflictRow>
  /** Per memory file entity, the written versions no event replaced yet. */
  readonly heads: ReadonlyMap<string, ReadonlySet<string>>
  /** File names (with or without `.md`) the user allowed despite secret-looking content. */
  readonly allow: ReadonlyArray<string>
}

const readLocalFile = (path: string, projectKey: string, name: string, allowed: boolean): LocalFile | HeldBack | undefined => {
  const size = statSync(path, { throwIfNoEntry: false })?.size
  if (size === undefined) return undefined
  if (size > maxMemoryFileBytes) return { path, name, reason: `larger than 1 MB (${size} bytes); skipped` }
  const raw = readFileSync(path)
  const content = raw.toString("utf8")
  if (!Buffer.from(content, "utf8").equals(raw)) return { path, name, reason: "not UTF-8 text; skipped" }
  const secret = allowed ? undefined : secretKindIn(content)
  if (secret !== undefined) {
    return { path, name, reason: `looks like it holds a secret (${secret}); held back until you run \`claude-memory-sync push --allow ${name}\`` }
  }
  return { path, projectKey, name, content, sha256: sha256Of(raw), bytes: raw.length }
}

/**
 * Compares the memory dirs with what this device last synced: files new or changed (by hash),
 * files deleted from a memory dir that still exists (a project folder removed whole deletes
 * nothing elsewhere), and conflict copies the user removed, which resolve their conflict.
 */
export const scanLocalChanges = (input: ScanInput): LocalScan => {
  const syncedByPath = new Map(input.synced.map((row) => [row.path, row]))
  const conflictsByPath = new Map<string, Array<ConflictRow>>()
  for (const row of input.conflicts) conflictsByPath.set(row.path, [...(conflictsByPath.get(row.path) ?? []), row])
  const removedConflicts = input.conflicts.filter((row) => !existsSync(row.conflict_file))
  const allowed = (name: string) => input.allow.some((entry) => entry === name || `${entry}.md` === name)

  const changes: Array<LocalChange> = []
  const held: Array<HeldBack> = []
  const seen = new Set<string>()
  for (const slug of input.slugs) {
    const projectKey = slug.projectKey
    if (projectKey === undefined) continue
    for (const name of memoryFileNames(slug.memoryDir)) {
      const path = join(slug.memoryDir, name)
      seen.add(path)
      const file = readLocalFile(path, projectKey, name, allowed(name))
      if (file === undefined) continue
      if (!("sha256" in file)) {
        held.push(file)
        continue
      }
      const base = syncedByPath.get(path)?.sha256
      const heads = input.heads.get(memoryFileEntity(projectKey, name)) ?? new Set<string>()
      const resolved = (conflictsByPath.get(path) ?? []).filter((row) => !existsSync(row.conflict_file) && heads.has(row.sha256))
      if (file.sha256 === base && resolved.length === 0) continue
      const parents = [...new Set([...(base === undefined ? [] : [base]), ...resolved.map((row) => row.sha256)])]
      changes.push({ kind: "written", file, parents, resolved })
    }
  }
  for (const synced of input.synced) {
    if (seen.has(synced.path) || existsSync(synced.path) || !existsSync(dirname(synced.path))) continue
    changes.push({ kind: "deleted", synced })
  }
  return { changes, held, removedConflicts }
}
