import { closeSync, openSync, readSync } from "node:fs"
import { turnsOfLine } from "../transcript/conversation.js"

/** Smart case, as ripgrep: an all-lowercase term matches any case, a term with a capital matches exactly. */
export const isCaseSensitive = (term: string): boolean => term !== term.toLowerCase()

const indexOfTerm = (text: string, term: string): number =>
  isCaseSensitive(term) ? text.indexOf(term) : text.toLowerCase().indexOf(term)

const context = 70

/** The text around the first match, on one line, trimmed to ±70 characters. */
export const snippetAround = (text: string, term: string): string => {
  const at = Math.max(0, indexOfTerm(text, term))
  const start = Math.max(0, at - context)
  const end = at + term.length + context
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`
}

/** The line of the file that starts at `position`, without its newline. */
const lineAt = (path: string, position: number): string => {
  const fd = openSync(path, "r")
  try {
    const pieces: Array<Buffer> = []
    const buffer = Buffer.allocUnsafe(1 << 16)
    for (let offset = position; ;) {
      const read = readSync(fd, buffer, 0, buffer.length, offset)
      if (read === 0) break
      const newline = buffer.indexOf(0x0a)
      if (newline !== -1 && newline < read) {
        pieces.push(Buffer.from(buffer.subarray(0, newline)))
        break
      }
      pieces.push(Buffer.from(buffer.subarray(0, read)))
      offset += read
    }
    return Buffer.concat(pieces).toString("utf8")
  } finally {
    closeSync(fd)
  }
}

/**
 * The snippet of the turn at `byteOffset` in the transcript that matches `term` in its original
 * case, or undefined when none does (a term with a capital found only in the lowercased index).
 */
export const snippetAt = (path: string, byteOffset: number, term: string): string | undefined => {
  try {
    const turn = turnsOfLine(JSON.parse(lineAt(path, byteOffset))).find((candidate) => indexOfTerm(candidate.text, term) !== -1)
    return turn === undefined ? undefined : snippetAround(turn.text, term)
  } catch {
    return undefined
  }
}
