/**
 * Which files in a memory dir are memory files, apart from the rest of memory-dirs.ts so that the
 * PostToolUse hook, which runs after every Write and Edit, loads no more than it needs.
 */

/** Memory files are Markdown; a conflict copy (`x.conflict-bob.md`) stays on the machine that made it. */
export const isMemoryFileName = (name: string): boolean => name.endsWith(".md") && !conflictFilePattern.test(name) && !name.startsWith(".")

const conflictFilePattern = /\.conflict-[^./\\]+\.md$/

/** `notes.md` and `bob` → `notes.conflict-bob.md`. */
export const conflictFileName = (name: string, label: string): string =>
  `${name.slice(0, -".md".length)}.conflict-${label.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40) || "other"}.md`
