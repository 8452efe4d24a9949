import { Effect, Option } from "effect"
import type { DomainEvent } from "../events/domain-event.js"
import { type EventFilter, readEvents } from "../events/event-store.js"
import { decodeStoredEvent, type StoredEvent } from "../events/stored-event.js"
import type { Db } from "../store/database.js"

/** An event this code can read, with the envelope it came in. */
export interface Decoded<E extends DomainEvent = DomainEvent> {
  readonly stored: StoredEvent
  readonly event: E
}

/** Decodes in order, skipping events this code cannot read (they stay stored). */
export const decodeAll = (events: ReadonlyArray<StoredEvent>): ReadonlyArray<Decoded> =>
  events.flatMap((stored) =>
    Option.match(decodeStoredEvent(stored), { onNone: () => [], onSome: (event) => [{ stored, event }] })
  )

export const readDecoded = (db: Db, filter: EventFilter) => readEvents(db, filter).pipe(Effect.map(decodeAll))

export const isOf = <T extends DomainEvent["_tag"]>(...tags: ReadonlyArray<T>) =>
(decoded: Decoded): decoded is Decoded<Extract<DomainEvent, { _tag: T }>> =>
  (tags as ReadonlyArray<string>).includes(decoded.event._tag)
