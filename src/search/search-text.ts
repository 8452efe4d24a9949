import { turnsOfLine } from "../transcript/conversation.js"
import { forEachLine } from "../transcript/line-reader.js"

/**
 * The searchable text of a transcript is exactly what the viewer shows of it: the user's and
 * Claude's text and one line per tool call (tool output and thinking are not shown, so they are
 * not searched: a hit is always something the user can read in the viewer).
 *
 * It is stored lowercased, one block per turn: `\0<line number>:<byte offset>\t<text>`. The
 * header leads back to the transcript line, where the snippet is read in its original case. No
 * text holds a NUL (it is stripped) and no search term can, so a match never spans two blocks.
 */
export const blockSeparator = 0x00
const headerEnd = 0x09

export interface BlockOrigin {
  /** 1-based line of the transcript the turn comes from. */
  readonly lineNumber: number
  /** Byte offset of that line in the transcript. */
  readonly byteOffset: number
  /** Where the block's text starts in the searched buffer. */
  readonly textStart: number
}

/** The transcript's searchable text, or undefined when the file cannot be read. */
export const searchTextOf = (path: string): Buffer | undefined => {
  const blocks: Array<string> = []
  let lineNumber = 0
  let byteOffset = 0
  try {
    forEachLine(path, (line) => {
      lineNumber++
      try {
        for (const turn of turnsOfLine(JSON.parse(line.toString("utf8")))) {
          blocks.push(`\0${lineNumber}:${byteOffset}\t${turn.text.replaceAll("\0", "").toLowerCase()}`)
        }
      } catch {
        // A malformed line shows nothing in the viewer, so it holds nothing to find.
      }
      byteOffset += line.length + 1
    })
  } catch {
    return undefined
  }
  return Buffer.from(blocks.join(""), "utf8")
}

/**
 * The block a match at `at` lies in, or undefined when the match is inside a block header
 * (a term made of digits can match the line numbers).
 */
export const blockAt = (text: Buffer, at: number): BlockOrigin | undefined => {
  const start = text.lastIndexOf(blockSeparator, at)
  const tab = text.indexOf(headerEnd, start)
  if (start === -1 || tab === -1 || at <= tab) return undefined
  const [line, offset] = text.toString("latin1", start + 1, tab).split(":")
  return { lineNumber: Number(line), byteOffset: Number(offset), textStart: tab + 1 }
}
