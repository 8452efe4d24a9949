import { Schema } from "effect"

/** A ULID: 26 characters of upper-case Crockford base32, the time in the first 10. */
export const EventId = Schema.String.pipe(Schema.pattern(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/), Schema.brand("EventId"))
export type EventId = typeof EventId.Type

/** An entry's id is the id of the event that logged it. */
export const EntryId = EventId.pipe(Schema.brand("EntryId"))
export type EntryId = typeof EntryId.Type

export const SessionId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("SessionId"))
export type SessionId = typeof SessionId.Type

/** The short id users see and type: the random tail, since same-second ULIDs share their head. */
export const shortId = (id: string): string => id.slice(-8)
