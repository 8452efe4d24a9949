import type { CausalIdGenerator } from "./causal-id-generator.js"
import { currentVersion, type DomainEvent, entityOf } from "./domain-event.js"
import type { EventId } from "./ids.js"
import { payloadOf, type StoredEvent } from "./stored-event.js"

/** An event waiting for its id; an entry's id is the id of the event that logs it. */
export type EventDraft = (id: EventId) => DomainEvent

export interface Stamp {
  readonly ids: CausalIdGenerator
  readonly nowMs: number
  readonly deviceId: string
  readonly actor: string
}

/** Gives drafts their causal ids and envelopes, in order. */
export const stampEvents = (drafts: ReadonlyArray<EventDraft>, stamp: Stamp): ReadonlyArray<StoredEvent> =>
  drafts.map((draft) => {
    const id = stamp.ids.next(stamp.nowMs)
    const event = draft(id)
    return {
      id,
      type: event._tag,
      version: currentVersion[event._tag],
      entityId: entityOf(event),
      deviceId: stamp.deviceId,
      actor: stamp.actor,
      recordedAt: new Date(stamp.nowMs).toISOString(),
      payload: payloadOf(event),
    }
  })
