import { printableLine } from "../../terminal/printable-text.js"

interface MatchedFile {
  readonly project_key: string
  readonly name: string
  readonly content: string
}

/** Matching lines as `name:line: text` (`key/name:…` across projects), whole files with `full`, or JSON. */
export const memorySearchOutput = (
  files: ReadonlyArray<MatchedFile>,
  text: string,
  options: { readonly full: boolean; readonly json: boolean; readonly withProject: boolean },
): string => {
  const needle = text.toLowerCase()
  const label = (file: { readonly project_key: string; readonly name: string }) => (options.withProject ? `${file.project_key}/${file.name}` : file.name)
  if (options.full) {
    return options.json
      ? JSON.stringify(files, null, 2)
      : files.map((file) => `== ${label(file)} ==\n${file.content.replace(/\n$/, "")}`).join("\n\n")
  }
  const matches = files.flatMap((file) =>
    file.content.split("\n").flatMap((line, index) =>
      line.toLowerCase().includes(needle) ? [{ project_key: file.project_key, name: file.name, line: index + 1, text: line }] : []
    )
  )
  return options.json
    ? JSON.stringify(matches, null, 2)
    : matches.map((match) => `${label(match)}:${match.line}: ${printableLine(match.text)}`).join("\n")
}
