/**
 * Import lines (`@file.md`) in the user's `~/.claude/CLAUDE.md`, which is theirs: we add our
 * line once, remove only our line, and leave every other byte as it was.
 */
export const hasImportLine = (text: string, line: string): boolean => text.split(/\r?\n/).some((each) => each.trim() === line)

/** `text` with `line` first (setup's instructions) or last (the hive index); unchanged when it is there. */
export const withImportLine = (text: string | undefined, line: string, where: "first" | "last"): string => {
  if (text !== undefined && hasImportLine(text, line)) return text
  if (where === "first" || text === undefined || text === "") return `${line}\n${text ?? ""}`
  return `${text}${text.endsWith("\n") ? "" : "\n"}${line}\n`
}

/** `text` without the first occurrence of `line`. */
export const withoutImportLine = (text: string, line: string): string => {
  const lines = text.split("\n")
  const index = lines.findIndex((each) => each.trim() === line)
  return index < 0 ? text : lines.filter((_, at) => at !== index).join("\n")
}
