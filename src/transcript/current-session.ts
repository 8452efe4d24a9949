import { readdirSync, statSync } from "node:fs"
import { basename, join } from "node:path"

/** Claude Code's folder name for a project: every character outside [A-Za-z0-9] becomes `-`. */
export const projectSlug = (cwd: string): string => cwd.replace(/[^A-Za-z0-9]/g, "-")

/**
 * The session Claude Code is running in `cwd`: the most recently written transcript in the
 * project's folder, across Claude's data dirs. None is not an error: notes can stand alone.
 */
export const currentSessionId = (claudeDataDirs: ReadonlyArray<string>, cwd: string): string | null => {
  let newest: { id: string; mtimeMs: number } | null = null
  for (const dataDir of claudeDataDirs) {
    const folder = join(dataDir, "projects", projectSlug(cwd))
    let names: ReadonlyArray<string>
    try {
      names = readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      if (!name.endsWith(".jsonl") || name.startsWith("agent-")) continue
      try {
        const { mtimeMs } = statSync(join(folder, name))
        if (newest === null || mtimeMs > newest.mtimeMs) newest = { id: basename(name, ".jsonl"), mtimeMs }
      } catch {
        // Removed while we looked.
      }
    }
  }
  return newest?.id ?? null
}
