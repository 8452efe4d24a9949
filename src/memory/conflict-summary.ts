import { readFileSync } from "node:fs"
import { join } from "node:path"
import { writeFileDurably } from "../store/durable-file.js"

/**
 * The open memory conflicts, as a small file next to the snapshot, so the session-start banner
 * (which never opens the database) can say so. Rewritten after every push and pull.
 */
export const conflictSummaryFile = (dataDir: string) => join(dataDir, "memory-conflicts.json")

export const writeConflictSummary = (dataDir: string, conflicts: ReadonlyArray<{ readonly conflict_file: string }>): void => {
  writeFileDurably(conflictSummaryFile(dataDir), JSON.stringify(conflicts.map((row) => row.conflict_file)))
}

/** The banner line, or "" when there is no conflict (or the file cannot be read). */
export const conflictBannerLine = (dataDir: string): string => {
  try {
    const files: unknown = JSON.parse(readFileSync(conflictSummaryFile(dataDir), "utf8"))
    if (!Array.isArray(files) || files.length === 0) return ""
    return `⚠ ${files.length} memory conflict(s): ${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""} — merge into the memory file, then delete the .conflict copy`
  } catch {
    return ""
  }
}
