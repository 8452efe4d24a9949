import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { LogEntryRow } from "../projections/log-entry-rows.js"
import { replaceFile } from "./replace-file.js"

/**
 * Every entry as `log_entries` holds it, kept beside snapshot.json so that the note commands
 * Claude runs mid-conversation (`list`, `show`, `log`, `resolve`) can answer without Effect or
 * DuckDB. Every process that closes the store after its events changed rewrites it, under the
 * store's lock, before the snapshot, so a reader that finds both stamped alike has a current pair.
 *
 * Two lines: a small header (read alone by writers deciding whether to rewrite), then the entries.
 */
export interface EntriesReadModelHeader {
  readonly version: 1
  /** The store's newest event id when the file was written: equal to the snapshot's when current. */
  readonly newestEventId: string | null
  /** How many events the store held: an append of events older than the newest changes only this. */
  readonly eventCount: number
  /** The `log_entries` projection's version: a changed fold rewrites the file though no event is new. */
  readonly projectionVersion: number
}

export interface EntriesReadModel extends EntriesReadModelHeader {
  readonly entries: ReadonlyArray<LogEntryRow>
}

export const entriesReadModelPath = (dataDir: string): string => join(dataDir, "entries-read-model.jsonl")

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return undefined
  }
}

const headerOf = (line: string): EntriesReadModelHeader | undefined => {
  const parsed: unknown = JSON.parse(line)
  return typeof parsed === "object" && parsed !== null && (parsed as { version?: unknown }).version === 1
    ? (parsed as EntriesReadModelHeader)
    : undefined
}

/** The header alone, or undefined when there is no readable file. */
export const readEntriesReadModelHeader = (path: string): EntriesReadModelHeader | undefined => {
  try {
    const text = readText(path)
    return text === undefined ? undefined : headerOf(text.slice(0, text.indexOf("\n")))
  } catch {
    return undefined
  }
}

export const readEntriesReadModel = (path: string): EntriesReadModel | undefined => {
  try {
    const text = readText(path)
    if (text === undefined) return undefined
    const newline = text.indexOf("\n")
    const header = headerOf(text.slice(0, newline))
    const entries: unknown = JSON.parse(text.slice(newline + 1))
    return header === undefined || !Array.isArray(entries) ? undefined : { ...header, entries: entries as ReadonlyArray<LogEntryRow> }
  } catch {
    return undefined
  }
}

export const writeEntriesReadModel = (path: string, { entries, ...header }: EntriesReadModel): void =>
  replaceFile(path, `${JSON.stringify(header)}\n${JSON.stringify(entries)}`)
