/** A lower-case UUID: the id the Python original gave its entries. Plain, for the light path. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The short id users see and type: a ULID's random tail, since same-second ULIDs share their
 * head; a UUID's first 8 characters, which is what users of the original typed.
 */
export const shortId = (id: string): string => (uuidPattern.test(id) ? id.slice(0, 8) : id.slice(-8))
