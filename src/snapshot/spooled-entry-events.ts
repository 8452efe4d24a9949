import { isCategory, isStatus } from "../events/entry-words.js"
import type { SpooledEnvelope } from "../events/spool-files.js"
import type { EntryEvent } from "../projections/log-entries-fold.js"

/** What the light path makes of a queued file: an entry event, an event it may ignore, or one it cannot read. */
export type SpooledEntryEvent =
  | { readonly _tag: "Entry"; readonly id: string; readonly decoded: EntryEvent }
  | { readonly _tag: "Other"; readonly id: string }
  | { readonly _tag: "Unreadable" }

const isoMillis = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const otherTypes = new Set(["SessionRecorded", "InboxWatermarkAdvanced"])

const isText = (value: unknown): value is string => typeof value === "string"
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === "string"

/** The envelope's fields, when each has its type (the payload is checked by type below). */
const envelopeOf = (parsed: unknown): SpooledEnvelope | undefined => {
  if (typeof parsed !== "object" || parsed === null) return undefined
  const envelope = parsed as Record<keyof SpooledEnvelope, unknown>
  const fieldsHold = [envelope.id, envelope.type, envelope.entityId, envelope.deviceId, envelope.actor, envelope.recordedAt].every(isText)
  return fieldsHold && typeof envelope.version === "number" && typeof envelope.payload === "object" && envelope.payload !== null
    ? (parsed as SpooledEnvelope)
    : undefined
}

/** The payload holds exactly what this version of the event carries, with the types the schema gives them. */
const payloadHolds = ({ type, payload }: SpooledEnvelope): boolean => {
  const { entryId, status } = payload
  if (!isText(entryId) || !isText(status) || !isStatus(status)) return false
  if (type === "EntryStatusChanged") return isTextOrNull(payload.note)
  return type === "EntryLogged" && isText(payload.category) && isCategory(payload.category) && isText(payload.title) &&
    isText(payload.body) && isTextOrNull(payload.sessionId) && isTextOrNull(payload.project)
}

/**
 * Reads a queued file for the light path. Anything it is not sure to read exactly as the full
 * CLI's schema would (another version, a legacy update, an odd timestamp) is Unreadable, and the
 * caller leaves the command to the full CLI.
 */
export const spooledEntryEvent = (text: string): SpooledEntryEvent => {
  let envelope: SpooledEnvelope | undefined
  try {
    envelope = envelopeOf(JSON.parse(text))
  } catch {
    return { _tag: "Unreadable" }
  }
  if (envelope === undefined) return { _tag: "Unreadable" }
  if (otherTypes.has(envelope.type)) return { _tag: "Other", id: envelope.id }
  if (envelope.version !== 1 || !isoMillis.test(envelope.recordedAt) || !payloadHolds(envelope)) return { _tag: "Unreadable" }
  // Checked field by field above: the same shape the schema decodes.
  const event = { ...envelope.payload, _tag: envelope.type } as EntryEvent["event"]
  return { _tag: "Entry", id: envelope.id, decoded: { stored: envelope as EntryEvent["stored"], event } }
}
