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

/** Who made an event, where and when: the envelope fields that are not read off the event. */
export interface EnvelopeOrigin {
  readonly id: EventId
  readonly deviceId: string
  readonly actor: string
  readonly recordedAt: string
}

/** An event in its envelope, as it is stored and travels. */
export const envelopeOf = (event: DomainEvent, origin: EnvelopeOrigin): StoredEvent => ({
  id: origin.id,
  type: event._tag,
  version: currentVersion[event._tag],
  entityId: entityOf(event, origin.actor),
  deviceId: origin.deviceId,
  actor: origin.actor,
  recordedAt: origin.recordedAt,
  payload: payloadOf(event),
})

/** An event in its envelope, with the event it was made from: what reading it back would decode. */
export interface StampedEvent {
  readonly stored: StoredEvent
  readonly event: DomainEvent
}

/** Gives drafts their causal ids and envelopes, in order. */
export const stampEvents = (drafts: ReadonlyArray<EventDraft>, stamp: Stamp): ReadonlyArray<StampedEvent> =>
  drafts.map((draft) => {
    const id = stamp.ids.next(stamp.nowMs)
    const event = draft(id)
    return { stored: envelopeOf(event, { id, deviceId: stamp.deviceId, actor: stamp.actor, recordedAt: new Date(stamp.nowMs).toISOString() }), event }
  })
