import { mkdirSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { syncDirectory, writeFileDurably } from "../store/durable-file.js"

/** The envelope of a queued event as plain JSON: what the launcher's light path reads and writes without Effect. */
export interface SpooledEnvelope {
  readonly id: string
  readonly type: string
  readonly version: number
  readonly entityId: string
  readonly deviceId: string
  readonly actor: string
  readonly recordedAt: string
  readonly payload: Readonly<Record<string, unknown>>
}

/**
 * One file per event, written to a temp name, fsynced, renamed into place, and the directory
 * fsynced, so an event either is in the spool whole or was never acknowledged.
 */
export const writeSpoolFiles = (dir: string, events: ReadonlyArray<SpooledEnvelope>): void => {
  mkdirSync(dir, { recursive: true })
  for (const event of events) writeFileDurably(join(dir, `${event.id}.json`), JSON.stringify(event))
  syncDirectory(dir)
}

/** The queued files' names, in id order (an event file is named by its id); none when there is no spool. */
export const spooledFileNames = (dir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".json")).sort()
  } catch {
    return []
  }
}

/** A queued file's text, or undefined when another process ingested and removed it meanwhile. */
export const spooledFileText = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return undefined
  }
}
