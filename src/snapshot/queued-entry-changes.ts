import { join } from "node:path"
import { spooledFileNames, spooledFileText } from "../events/spool-files.js"
import type { SessionStartSnapshot } from "./session-start-snapshot.js"
import { spooledEntryEvent } from "./spooled-entry-events.js"

/**
 * The snapshot with the entry changes still waiting in the spool counted in, so the inbox badge
 * shows a change the light path queued a moment ago (the store has not refreshed the snapshot
 * yet). Each entry keeps its newest change; a queued file already stored changes nothing.
 */
export const withQueuedEntryChanges = (snapshot: SessionStartSnapshot, spoolDir: string): SessionStartSnapshot => {
  if (snapshot.entryChanges.some((change) => change.entryId === undefined)) return snapshot // an older snapshot: nothing to merge by
  const changes = new Map(snapshot.entryChanges.map((change) => [change.entryId, change]))
  for (const name of spooledFileNames(spoolDir)) {
    const text = spooledFileText(join(spoolDir, name))
    const queued = text === undefined ? undefined : spooledEntryEvent(text)
    if (queued?._tag !== "Entry") continue
    const entryId = queued.decoded.event.entryId
    const known = changes.get(entryId)
    if (known === undefined || queued.id > known.lastEventId) changes.set(entryId, { entryId, lastEventId: queued.id, updatedBy: queued.decoded.stored.actor })
  }
  return { ...snapshot, entryChanges: [...changes.values()] }
}
