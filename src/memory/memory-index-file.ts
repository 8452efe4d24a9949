import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { version } from "../config/version.js"

/**
 * The memory index: a local cache (never synced, rebuilt at will) of every memory file the store
 * holds, newest version, in one plain file, so `memory search` answers without loading Effect or
 * DuckDB. Layout: a magic, the header's length (UInt32BE), the header (JSON: the stamp and each
 * file's project key, name and length in UTF-16 code units, in the store's order), then the files'
 * contents, UTF-8, joined by newlines, so a search decodes and lowercases them as one string. A
 * refresh writes a new file and renames it over the old one.
 */
export interface MemoryFileText {
  readonly project_key: string
  readonly name: string
  readonly content: string
}

/** What the index was built from; it answers only while the snapshot says the store still holds exactly that. */
export interface MemoryIndexStamp {
  /** The CLI version that built it: a newer one may fold memory events differently. */
  readonly builtBy: string
  readonly newestEventId: string | null
  readonly eventCount: number
}

/** A file of a loaded index, with its content lowercased when that came cheap. */
export interface IndexedMemoryFile extends MemoryFileText {
  readonly lowercase: string | undefined
}

interface Header extends MemoryIndexStamp {
  readonly files: ReadonlyArray<readonly [projectKey: string, name: string, length: number]>
}

export const memoryIndexPath = (dataDir: string): string => join(dataDir, "memory-index.bin")

/** Names the layout: change it with the layout, and older files are simply rebuilt. */
const magic = Buffer.from("csl-mem2", "latin1")
const prefixLength = magic.length + 4

/** Whether an index stamped so answers for a store whose newest event and event count are these, read by this version. */
export const isCurrentMemoryIndex = (
  stamp: MemoryIndexStamp | undefined,
  store: { readonly newestEventId: string | null; readonly eventCount?: number | undefined },
): boolean =>
  stamp !== undefined && stamp.builtBy === version && stamp.newestEventId === store.newestEventId && stamp.eventCount === store.eventCount

/** Writes a whole index and swaps it in; a failed write takes its temp file with it. */
export const writeMemoryIndex = (path: string, stamp: Omit<MemoryIndexStamp, "builtBy">, files: ReadonlyArray<MemoryFileText>): void => {
  const header: Header = { builtBy: version, ...stamp, files: files.map((file) => [file.project_key, file.name, file.content.length] as const) }
  const json = Buffer.from(JSON.stringify(header), "utf8")
  const prefix = Buffer.alloc(prefixLength)
  magic.copy(prefix)
  prefix.writeUInt32BE(json.length, magic.length)
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, Buffer.concat([prefix, json, Buffer.from(files.map((file) => file.content).join("\n"), "utf8")]))
    renameSync(temporary, path)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {
      // Never created.
    }
    throw error
  }
}

const headerIn = (bytes: Buffer): { readonly header: Header; readonly contentStart: number } | undefined => {
  if (bytes.length < prefixLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined
  const jsonLength = bytes.readUInt32BE(magic.length)
  const contentStart = prefixLength + jsonLength
  return contentStart > bytes.length ? undefined : { header: JSON.parse(bytes.toString("utf8", prefixLength, contentStart)) as Header, contentStart }
}

/** Only the stamp, reading no content: whether a refresh is needed. Undefined when there is no readable index. */
export const readMemoryIndexStamp = (path: string): MemoryIndexStamp | undefined => {
  let fd: number | undefined
  try {
    fd = openSync(path, "r")
    const prefix = Buffer.alloc(prefixLength)
    if (readSync(fd, prefix, 0, prefixLength, 0) < prefixLength) return undefined
    const jsonLength = prefix.readUInt32BE(magic.length)
    if (prefixLength + jsonLength > fstatSync(fd).size) return undefined
    const head = Buffer.alloc(prefixLength + jsonLength)
    readSync(fd, head, 0, head.length, 0)
    const { builtBy, newestEventId, eventCount } = headerIn(head)?.header ?? {}
    return builtBy === undefined || newestEventId === undefined || eventCount === undefined ? undefined : { builtBy, newestEventId, eventCount }
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The whole index, or undefined when there is none or it is unreadable. All contents are
 * lowercased in one call, which costs a fraction of one call per file; that equals lowercasing
 * each file unless some character lowercases to more code units (İ), and then each file is
 * lowercased on its own. The newlines between files keep a final sigma final.
 */
export const loadMemoryIndex = (path: string): { readonly stamp: MemoryIndexStamp; readonly files: ReadonlyArray<IndexedMemoryFile> } | undefined => {
  try {
    const bytes = readFileSync(path)
    const parsed = headerIn(bytes)
    if (parsed === undefined) return undefined
    const contents = bytes.toString("utf8", parsed.contentStart)
    const lowercase = contents.toLowerCase()
    const aligned = lowercase.length === contents.length
    let offset = 0
    const files = parsed.header.files.map(([project_key, name, length]) => {
      const file = {
        project_key,
        name,
        content: contents.slice(offset, offset + length),
        lowercase: aligned ? lowercase.slice(offset, offset + length) : undefined,
      }
      offset += length + 1
      return file
    })
    if (Math.max(offset - 1, 0) !== contents.length) return undefined
    const { builtBy, newestEventId, eventCount } = parsed.header
    return { stamp: { builtBy, newestEventId, eventCount }, files }
  } catch {
    return undefined
  }
}
