import { join } from "node:path"
import type { DataPaths } from "../config/data-paths.js"
import { spooledFileNames, spooledFileText } from "../events/spool-files.js"
import { evolveEntry } from "../projections/log-entries-fold.js"
import type { LogEntryRow } from "../projections/log-entry-rows.js"
import { entriesReadModelPath, readEntriesReadModel } from "./entries-read-model.js"
import { readSnapshot } from "./session-start-snapshot.js"
import { spooledEntryEvent } from "./spooled-entry-events.js"
import { storeFileTrusted } from "./store-file-stamp.js"

export interface CurrentEntries {
  readonly rows: ReadonlyMap<string, LogEntryRow>
  /** The newest event id the store or the spool holds: new ids must sort after it. */
  readonly newestEventId: string | null
}

/**
 * A writer refreshes the read model, then the snapshot: a read model newer than the snapshot is
 * one read between the two writes, and holds everything the snapshot counts. One older than the
 * snapshot was left by a writer that does not keep it (an older version) or failed to.
 */
const readModelCurrent = (modelNewest: string | null, snapshotNewest: string | null): boolean =>
  snapshotNewest === null || (modelNewest !== null && modelNewest >= snapshotNewest)

/**
 * Every entry as the full CLI would see it right now, without DuckDB: the read model, with the
 * events still waiting in the spool folded on top, in id order, by the projection's own fold step. Undefined when
 * that cannot be known for sure (the database file changed since the last close by anything but
 * the process that holds it now, no read model, one older than the snapshot, a queued file this
 * code cannot read); the caller then leaves the command to the full CLI.
 *
 * The spool is read first: a writer that ingests it refreshes the read model before removing
 * the files, so whatever left the spool meanwhile is in the read model read after it.
 */
export const currentEntries = (paths: DataPaths): CurrentEntries | undefined => {
  if (!storeFileTrusted(paths.dataDir, paths.database)) return undefined
  const queued = spooledFileNames(paths.spoolDir).map((name) => spooledFileText(join(paths.spoolDir, name)))
  const snapshot = readSnapshot(paths.snapshot)
  const model = readEntriesReadModel(entriesReadModelPath(paths.dataDir))
  if (snapshot === undefined || model === undefined || !readModelCurrent(model.newestEventId, snapshot.newestEventId)) return undefined
  const rows = new Map(model.entries.map((row) => [row.id, row]))
  let newestEventId = model.newestEventId
  for (const text of queued) {
    if (text === undefined) continue // ingested meanwhile: the read model, read after, holds it
    const spooled = spooledEntryEvent(text)
    if (spooled._tag === "Unreadable") return undefined
    if (newestEventId === null || spooled.id > newestEventId) newestEventId = spooled.id
    if (spooled._tag === "Other") continue
    const row = rows.get(spooled.decoded.event.entryId)
    // A queued change at or before the entry's last one: already stored (its file not yet
    // removed), or one that belongs in the middle of the entry's history, which only a refold
    // from every event gets right. A queued logging of a known entry changes nothing.
    if (row !== undefined && spooled.id <= row.last_event_id) {
      if (spooled.id === row.last_event_id || spooled.decoded.event._tag === "EntryLogged") continue
      return undefined
    }
    const next = evolveEntry(row, spooled.decoded)
    if (next !== undefined) rows.set(next.id, next)
  }
  return { rows, newestEventId }
}
