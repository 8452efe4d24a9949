import type { MemoryFileText } from "./memory-index-file.js"

/** Whose memory a search covers: every project's, or one project's. */
export interface MemorySearchScope {
  readonly allProjects: boolean
  readonly projectKey: string
}

/**
 * The files in scope holding TEXT in any case, in the order given. The full CLI and the launcher's
 * fast path both choose with this, so they choose alike.
 */
export const filesContaining = <File extends MemoryFileText & { readonly lowercase?: string | undefined }>(
  files: ReadonlyArray<File>,
  text: string,
  scope: MemorySearchScope,
): ReadonlyArray<File> => {
  const needle = text.toLowerCase()
  return files.filter((file) =>
    (scope.allProjects || file.project_key === scope.projectKey) && (file.lowercase ?? file.content.toLowerCase()).includes(needle)
  )
}
