import type { MemoryFileDeleted, MemoryFileWritten } from "../events/domain-event.js"
import type { Decoded } from "./decoded-events.js"

/** One version of a memory file that no later event replaced. */
export interface MemoryHead {
  readonly projectKey: string
  readonly name: string
  /** Null for a deletion. */
  readonly sha256: string | null
  readonly content: string
  readonly bytes: number
  readonly eventId: string
  readonly deviceId: string
  readonly actor: string
  readonly recordedAt: string
}

export interface MemoryFileState {
  /** What a device should hold: the newest written head, or the newest deletion when every head is one. */
  readonly latest: MemoryHead
  /** Every written version no event replaced, newest first; more than one is a conflict. */
  readonly writtenHeads: ReadonlyArray<MemoryHead>
}

const deletedKey = "deleted"

/**
 * Folds one file's events, in id order. Each event names the versions it replaces (`parents`),
 * so two devices that edited the same version both leave a head: neither edit is lost, and the
 * conflict lasts until an event names both. An edit always beats a concurrent deletion.
 */
export const foldMemoryFile = (
  events: ReadonlyArray<Decoded<MemoryFileWritten | MemoryFileDeleted>>,
): MemoryFileState | undefined => {
  const heads = new Map<string, MemoryHead>()
  for (const { event, stored } of events) {
    for (const parent of event.parents) heads.delete(parent)
    const origin = { eventId: stored.id, deviceId: stored.deviceId, actor: stored.actor, recordedAt: stored.recordedAt }
    if (event._tag === "MemoryFileWritten") {
      heads.set(event.sha256, { projectKey: event.projectKey, name: event.name, sha256: event.sha256, content: event.content, bytes: event.bytes, ...origin })
    } else {
      heads.set(deletedKey, { projectKey: event.projectKey, name: event.name, sha256: null, content: "", bytes: 0, ...origin })
    }
  }
  const newestFirst = [...heads.values()].sort((a, b) => (a.eventId < b.eventId ? 1 : -1))
  const writtenHeads = newestFirst.filter((head) => head.sha256 !== null)
  const latest = writtenHeads[0] ?? newestFirst[0]
  return latest === undefined ? undefined : { latest, writtenHeads }
}
