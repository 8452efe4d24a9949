import { close, closeSync, fstatSync, openSync, read, readSync, renameSync, statSync, writeSync } from "node:fs"
import { join } from "node:path"

/**
 * The search index: a local cache (never synced, deleted and rebuilt at will) of every session's
 * row and the searchable text of its transcript, in one plain file so `search` answers without
 * loading Effect or DuckDB. Layout: each session's row (JSON) and text back to back, then the
 * session list as JSON, then a trailer with both lengths. A refresh writes a new file and renames it over the
 * old one, so a reader sees one whole index or the other.
 */
export interface IndexedTranscript {
  readonly path: string
  readonly size: number
  readonly mtimeMs: number
}

/**
 * One session. Search loads all of them on every run, so they hold few values: the row stays in
 * the bytes until it is a hit, and the fields matched by metadata are one string.
 */
export interface IndexedSession {
  /** Byte range of the session's row as `sessions --json` prints it (JSON). */
  readonly view: readonly [number, number]
  /** Title, project, cwd and branch, lowercased, NUL-separated (a term never holds a NUL). */
  readonly metadata: string
  /** The transcript as it was when its text was indexed; null when it is not on this machine. */
  readonly transcript: IndexedTranscript | null
  /** Byte range of the session's searchable text. */
  readonly text: readonly [number, number]
}

export interface SearchIndex {
  /** The CLI version that built it: a newer CLI may fold sessions or extract text differently. */
  readonly builtBy: string
  /** The newest event in the store when it was built: equal to the snapshot's while it is current. */
  readonly newestEventId: string | null
  /**
   * How many events the store held: events pulled from another device can sort before the newest
   * and leave its id unchanged, never the count.
   */
  readonly eventCount: number
  /** Newest first. */
  readonly sessions: ReadonlyArray<IndexedSession>
}

export interface LoadedSearchIndex {
  readonly index: SearchIndex
  /** Every session's row and text, addressed by the ranges in the list. */
  readonly bytes: Buffer
  /** Each indexed transcript as it is on disk now (null: gone), to tell which texts are stale. */
  readonly onDisk: ReadonlyMap<string, IndexedTranscript | null>
}

export const searchIndexPath = (dataDir: string): string => join(dataDir, "search-index.bin")

/** Names the layout: change it with the layout, and older files are simply rebuilt. */
const magic = Buffer.from("csl-idx3", "latin1")
const trailerLength = magic.length + 16

/**
 * Writes a whole index and swaps it in. `writeSessions` appends each session's row and text
 * (`append` returns the end offset) and returns the session list with their ranges.
 */
export const writeSearchIndex = (path: string, writeSessions: (append: (bytes: Buffer) => number) => SearchIndex): void => {
  const temporary = `${path}.${process.pid}.tmp`
  const fd = openSync(temporary, "w")
  try {
    let written = 0
    const index = writeSessions((bytes) => {
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
 * this load, so its parts overlap: the bytes are read on a libuv thread while this one parses
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
    const bytesLength = trailer.readDoubleBE(magic.length)
    const jsonLength = trailer.readDoubleBE(magic.length + 8)
    if (bytesLength + jsonLength + trailerLength !== size) return undefined
    const json = Buffer.allocUnsafe(jsonLength)
    readSync(fd, json, 0, jsonLength, bytesLength)
    const bytes = readInto(fd, bytesLength, 0)
    const index = JSON.parse(json.toString("utf8")) as SearchIndex
    const onDisk = new Map(index.sessions.flatMap((session) => (session.transcript === null ? [] : [statNow(session.transcript)])))
    return { index, bytes: await bytes, onDisk }
  } catch {
    return undefined
  } finally {
    close(fd, () => undefined)
  }
}
