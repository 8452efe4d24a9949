import { closeSync, openSync, readSync } from "node:fs"

/** A transcript line that contains the search text, made readable. */
export interface ContentMatch {
  readonly path: string
  readonly lineNumber: number
  /** The text around the match (the conversation text, not the raw JSON line). */
  readonly snippet: string
}

const chunkSize = 1 << 20
/** One read buffer per thread, reused for every file: allocating per file costs more than searching. */
let sharedChunk = Buffer.allocUnsafe(0)
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Smart case, as ripgrep: an all-lowercase term matches any case; a term with a capital matches
 * exactly, and is then found by a plain byte search, the fastest path there is.
 */
const matcherFor = (term: string): ((chunk: Buffer, length: number) => number) => {
  if (term !== term.toLowerCase()) {
    const needle = Buffer.from(term, "utf8")
    return (chunk, length) => {
      const at = chunk.indexOf(needle)
      return at !== -1 && at + needle.length <= length ? at : -1
    }
  }
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const pattern = new RegExp(escapeRegExp(Buffer.from(term, "utf8").toString("latin1")), "i")
  return (chunk, length) => chunk.toString("latin1", 0, length).search(pattern)
}

const strings = function* (value: unknown): Generator<string> {
  if (typeof value === "string") yield value
  else if (Array.isArray(value)) for (const item of value) yield* strings(item)
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) yield* strings(item)
}

/** The conversation text around the match: the JSON string that holds it, trimmed to ±70 chars. */
const snippetOf = (line: string, term: string): string => {
  const lower = term.toLowerCase()
  const caseSensitive = term !== lower
  let holder: string | undefined
  try {
    for (const text of strings(JSON.parse(line))) {
      if (caseSensitive ? text.includes(term) : text.toLowerCase().includes(lower)) {
        holder = text
        break
      }
    }
  } catch {
    // Not JSON: show the raw line.
  }
  const text = (holder ?? line).replace(/\s+/g, " ")
  const at = caseSensitive ? text.indexOf(term) : text.toLowerCase().indexOf(lower)
  const start = Math.max(0, at - 70)
  return `${start > 0 ? "…" : ""}${text.slice(start, at + term.length + 70)}${at + term.length + 70 < text.length ? "…" : ""}`
}

/** The first line of `path` containing `term`, or undefined. Streams the file in fixed chunks. */
export const firstMatchIn = (path: string, term: string): ContentMatch | undefined => {
  const match = matcherFor(term)
  const overlap = Buffer.byteLength(term, "utf8") - 1
  let fd: number
  try {
    fd = openSync(path, "r")
  } catch {
    return undefined
  }
  try {
    if (sharedChunk.length < chunkSize + overlap) sharedChunk = Buffer.allocUnsafe(chunkSize + overlap)
    const chunk = sharedChunk
    let carried = 0
    let chunkStart = 0
    let linesBefore = 0
    for (;;) {
      const read = readSync(fd, chunk, carried, chunkSize, null)
      const length = carried + read
      if (read === 0 && carried === 0) return undefined
      const at = match(chunk, length)
      if (at !== -1) {
        const lineStart = chunk.lastIndexOf(0x0a, at) + 1
        const newline = chunk.indexOf(0x0a, at)
        // A line cut by the chunk's end is completed from the file.
        const line = newline !== -1 && newline < length
          ? chunk.toString("utf8", lineStart, newline)
          : readLineFrom(fd, chunkStart + lineStart)
        let lineNumber = linesBefore + 1
        for (let index = chunk.indexOf(0x0a, 0); index !== -1 && index < lineStart; index = chunk.indexOf(0x0a, index + 1)) lineNumber++
        return { path, lineNumber, snippet: snippetOf(line, term) }
      }
      if (read === 0) return undefined
      // Keep the last `overlap` bytes so a match across chunks is still found.
      const keep = Math.min(overlap, length)
      for (let index = chunk.indexOf(0x0a, 0); index !== -1 && index < length - keep; index = chunk.indexOf(0x0a, index + 1)) linesBefore++
      chunk.copy(chunk, 0, length - keep, length)
      chunkStart += length - keep
      carried = keep
    }
  } finally {
    closeSync(fd)
  }
}

const readLineFrom = (fd: number, position: number): string => {
  const pieces: Array<Buffer> = []
  const buffer = Buffer.allocUnsafe(1 << 16)
  for (let offset = position; ; ) {
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
}
