import { Option, Schema } from "effect"
import { currentVersion, DomainEvent, type EventType } from "./domain-event.js"
import { EventId } from "./ids.js"

/** The envelope columns of the `events` table, as fields. */
export const envelopeFields = {
  id: EventId,
  type: Schema.String,
  version: Schema.Number,
  entityId: Schema.String,
  deviceId: Schema.String,
  actor: Schema.String,
  /** Wall clock of the writer, ISO-8601; for display only, never for ordering. */
  recordedAt: Schema.String,
}

export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** An event as it is stored and travels; the payload is JSON without its tag (the tag is `type`). */
export const StoredEvent = Schema.Struct({ ...envelopeFields, payload: JsonObject })
export type StoredEvent = typeof StoredEvent.Type

const decodePayload = Schema.decodeUnknownOption(DomainEvent)
const encodePayload = Schema.encodeSync(DomainEvent)

const isKnownType = (type: string): type is EventType => Object.hasOwn(currentVersion, type)

/**
 * The typed event inside an envelope, or none when this code cannot read it: a type or version
 * from a newer client, or a payload that does not decode. Such events are kept, not dropped.
 */
export const decodeStoredEvent = (stored: StoredEvent): Option.Option<DomainEvent> =>
  isKnownType(stored.type) && stored.version === currentVersion[stored.type]
    ? decodePayload({ ...stored.payload, _tag: stored.type })
    : Option.none()

export const payloadOf = (event: DomainEvent): Record<string, unknown> => {
  const { _tag, ...payload } = encodePayload(event)
  return payload
}
