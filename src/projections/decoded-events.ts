import { Effect, Option } from "effect"
import type { DomainEvent } from "../events/domain-event.js"
import { type EventFilter, readEventIds, readEvents } from "../events/event-store.js"
import type { StampedEvent } from "../events/stamp-events.js"
import { decodeStoredEvent, type StoredEvent } from "../events/stored-event.js"
import type { Db } from "../store/database.js"

/** An event this code can read, with the envelope it came in. */
export interface Decoded<E extends DomainEvent = DomainEvent> {
  readonly stored: StoredEvent
  readonly event: E
}

/**
 * Events whose typed form is already at hand, by id: those this process just made. Events never
 * change, so theirs is what decoding them would give, and a backfill of a thousand sessions skips
 * decoding what it stamped a moment before.
 */
export type KnownEvents = ReadonlyMap<string, Decoded>

export const noEventsKnown: KnownEvents = new Map()

/** The events just stamped here, as reading them back would give them. */
export const knownEvents = (stamped: ReadonlyArray<StampedEvent>): KnownEvents => new Map(stamped.map((decoded) => [decoded.stored.id, decoded]))

/** Decodes in order, skipping events this code cannot read (they stay stored). */
export const decodeAll = (events: ReadonlyArray<StoredEvent>): ReadonlyArray<Decoded> =>
  events.flatMap((stored) =>
    Option.match(decodeStoredEvent(stored), { onNone: () => [], onSome: (event) => [{ stored, event }] })
  )

/**
 * The events matching the filter, in id order, decoded. With events `known`, only their ids are
 * read, and the payloads of the others.
 */
export const readDecoded = (db: Db, filter: EventFilter, known: KnownEvents = noEventsKnown) =>
  known.size === 0 ? readEvents(db, filter).pipe(Effect.map(decodeAll)) : Effect.gen(function* () {
    const ids = yield* readEventIds(db, filter)
    const unknown = ids.filter((id) => !known.has(id))
    const read = new Map<string, Decoded>(decodeAll(unknown.length === 0 ? [] : yield* readEvents(db, { ids: unknown })).map((decoded) => [decoded.stored.id, decoded]))
    return ids.flatMap((id) => {
      const decoded = known.get(id) ?? read.get(id)
      return decoded === undefined ? [] : [decoded]
    })
  })

export const isOf = <T extends DomainEvent["_tag"]>(...tags: ReadonlyArray<T>) =>
(decoded: Decoded): decoded is Decoded<Extract<DomainEvent, { _tag: T }>> =>
  (tags as ReadonlyArray<string>).includes(decoded.event._tag)
