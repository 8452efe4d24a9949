import { close, closeSync, fstatSync, openSync, read, readSync, renameSync, statSync, writeSync } from "node:fs"
import { join } from "node:path"

/**
 * The search index: a local cache (never synced, deleted and rebuilt at will) of every session's
 * row and the searchable text of its transcript, in one plain file so `search` answers without
 * loading Effect or DuckDB. Layout: the sessions' texts back to back, then the session list as
 * JSON, then a trailer with both lengths. A refresh writes a new file and renames it over the
 * old one, so a reader sees one whole index or the other.
 */
export interface IndexedTranscript {
  readonly path: string
  readonly size: number
  readonly mtimeMs: number
}

/**
 * One session. Search loads thousands of these on every run, so they are kept few values each:
 * the row as JSON text (parsed only for a hit) and its searchable fields as one string.
 */
export interface IndexedSession {
  /** The session's row as `sessions --json` prints it, as JSON text. */
  readonly view: string
  /** Title, project, cwd and branch, lowercased, NUL-separated (a term never holds a NUL). */
  readonly metadata: string
  /** The transcript as it was when its text was indexed; null when it is not on this machine. */
  readonly transcript: IndexedTranscript | null
  /** Byte range of the session's text. */
  readonly text: readonly [number, number]
}

export interface SearchIndex {
  /** The CLI version that built it: a newer CLI may fold sessions or extract text differently. */
  readonly builtBy: string
  /** The newest event in the store when it was built: equal to the snapshot's while it is current. */
  readonly newestEventId: string | null
  /** Newest first. */
  readonly sessions: ReadonlyArray<IndexedSession>
}

export interface LoadedSearchIndex {
  readonly index: SearchIndex
  readonly text: Buffer
  /** Each indexed transcript as it is on disk now (null: gone), to tell which texts are stale. */
  readonly onDisk: ReadonlyMap<string, IndexedTranscript | null>
}

export const searchIndexPath = (dataDir: string): string => join(dataDir, "search-index.bin")

/** Names the layout: change it with the layout, and older files are simply rebuilt. */
const magic = Buffer.from("csl-idx2", "latin1")
const trailerLength = magic.length + 16

/** Writes a whole index (texts in `writeTexts`, which returns the session list) and swaps it in. */
export const writeSearchIndex = (path: string, writeTexts: (append: (bytes: Buffer) => number) => SearchIndex): void => {
  const temporary = `${path}.${process.pid}.tmp`
  const fd = openSync(temporary, "w")
  try {
    let written = 0
    const index = writeTexts((bytes) => {
      writeSync(fd, bytes)
      written += bytes.length
      return written
    })
    const json = Buffer.from(JSON.stringify(index), "utf8")
    const trailer = Buffer.alloc(trailerLength)
    magic.copy(trailer)
    trailer.writeDoubleBE(written, magic.length)
    trailer.writeDoubleBE(json.length, magic.length + 8)
    writeSync(fd, json)
    writeSync(fd, trailer)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, path)
}

const readInto = (fd: number, length: number, position: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(length)
    read(fd, buffer, 0, length, position, (error, bytesRead) => (error ? reject(error) : resolve(buffer.subarray(0, bytesRead))))
  })

const statNow = (transcript: IndexedTranscript): readonly [string, IndexedTranscript | null] => {
  const stats = statSync(transcript.path, { throwIfNoEntry: false })
  return [transcript.path, stats === undefined ? null : { path: transcript.path, size: stats.size, mtimeMs: stats.mtimeMs }]
}

/**
 * The index, or undefined when there is none or it is unreadable. Search time is dominated by
 * this load, so its parts overlap: the texts are read on a libuv thread while this one parses
 * the session list and checks every transcript (synchronously: thousands of async stats cost
 * more in callbacks than they save).
 */
export const loadSearchIndex = async (path: string): Promise<LoadedSearchIndex | undefined> => {
  let fd: number
  try {
    fd = openSync(path, "r")
  } catch {
    return undefined
  }
  try {
    const size = fstatSync(fd).size
    if (size < trailerLength) return undefined
    const trailer = Buffer.alloc(trailerLength)
    readSync(fd, trailer, 0, trailerLength, size - trailerLength)
    if (!trailer.subarray(0, magic.length).equals(magic)) return undefined
    const textLength = trailer.readDoubleBE(magic.length)
    const jsonLength = trailer.readDoubleBE(magic.length + 8)
    if (textLength + jsonLength + trailerLength !== size) return undefined
    const json = Buffer.allocUnsafe(jsonLength)
    readSync(fd, json, 0, jsonLength, textLength)
    const text = readInto(fd, textLength, 0)
    const index = JSON.parse(json.toString("utf8")) as SearchIndex
    const onDisk = new Map(index.sessions.flatMap((session) => (session.transcript === null ? [] : [statNow(session.transcript)])))
    return { index, text: await text, onDisk }
  } catch {
    return undefined
  } finally {
    close(fd, () => undefined)
  }
}
