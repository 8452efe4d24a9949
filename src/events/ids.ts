import { Schema } from "effect"
import { uuidPattern } from "./short-id.js"

export { shortId } from "./short-id.js"

/** A ULID: 26 characters of upper-case Crockford base32, the time in the first 10. */
const ulidPattern = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/

export const EventId = Schema.String.pipe(Schema.pattern(ulidPattern), Schema.brand("EventId"))
export type EventId = typeof EventId.Type

/**
 * An entry's id is the id of the event that logged it (a ULID), or, for an entry the Python
 * original logged, the UUID it gave it: users keep the ids they wrote down.
 */
export const EntryId = Schema.String.pipe(
  Schema.filter((id) => ulidPattern.test(id) || uuidPattern.test(id), { message: () => "a ULID or a lower-case UUID" }),
  Schema.brand("EntryId"),
)
export type EntryId = typeof EntryId.Type

export const SessionId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("SessionId"))
export type SessionId = typeof SessionId.Type
