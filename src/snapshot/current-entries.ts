import { join } from "node:path"
import type { DataPaths } from "../config/data-paths.js"
import { spooledFileNames, spooledFileText } from "../events/spool-files.js"
import { type EntryEvent, type EntryRow, foldEntries } from "../projections/log-entries-fold.js"
import { entriesReadModelPath, readEntriesReadModel } from "./entries-read-model.js"
import { readSnapshot } from "./session-start-snapshot.js"
import { spooledEntryEvent } from "./spooled-entry-events.js"

export interface CurrentEntries {
  readonly rows: ReadonlyMap<string, EntryRow>
  /** The newest event id the store or the spool holds: new ids must sort after it. */
  readonly newestEventId: string | null
}

/**
 * Every entry as the full CLI would see it right now, without DuckDB: the read model, with the
 * events still waiting in the spool folded on top by the projection's own fold. Undefined when
 * that cannot be known for sure (no read model, one older than the snapshot, a queued file this
 * code cannot read); the caller then leaves the command to the full CLI.
 *
 * The spool is read first: a writer that ingests it refreshes the read model before removing
 * the files, so whatever left the spool meanwhile is in the read model read after it.
 */
export const currentEntries = (paths: DataPaths): CurrentEntries | undefined => {
  const queued = spooledFileNames(paths.spoolDir).map((name) => spooledFileText(join(paths.spoolDir, name)))
  const snapshot = readSnapshot(paths.snapshot)
  const model = readEntriesReadModel(entriesReadModelPath(paths.dataDir))
  if (snapshot === undefined || model === undefined || model.newestEventId !== snapshot.newestEventId) return undefined
  const stored = model.newestEventId ?? ""
  const pending: Array<EntryEvent> = []
  let newestEventId = model.newestEventId
  for (const text of queued) {
    if (text === undefined) continue // ingested meanwhile: the read model, read after, holds it
    const event = spooledEntryEvent(text)
    if (event._tag === "Unreadable") return undefined
    // An event at or before the model's stamp was ingested (ingest precedes every refresh) but its file not yet removed.
    if (event.id <= stored) continue
    if (event._tag === "Entry") pending.push(event.decoded)
    if (newestEventId === null || event.id > newestEventId) newestEventId = event.id
  }
  return { rows: foldEntries(pending, model.entries), newestEventId }
}
