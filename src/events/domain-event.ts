import { Schema } from "effect"
import { eventVersions } from "./event-versions.js"
import { Category, Status } from "./entry-vocabulary.js"
import { EntryId, EventId, SessionId } from "./ids.js"

export const EntryLogged = Schema.TaggedStruct("EntryLogged", {
  entryId: EntryId,
  category: Category,
  status: Status,
  title: Schema.NonEmptyTrimmedString,
  body: Schema.String,
  sessionId: Schema.NullOr(SessionId),
  project: Schema.NullOr(Schema.String),
})
export type EntryLogged = typeof EntryLogged.Type

export const EntryStatusChanged = Schema.TaggedStruct("EntryStatusChanged", {
  entryId: EntryId,
  status: Status,
  note: Schema.NullOr(Schema.NonEmptyTrimmedString),
})
export type EntryStatusChanged = typeof EntryStatusChanged.Type

/**
 * The Python original (0.3.45) changed this entry, and its row now reads so. Imported from its
 * tables: it carries the whole body because the original appended notes to it in its own words.
 */
export const LegacyEntryUpdated = Schema.TaggedStruct("LegacyEntryUpdated", {
  entryId: EntryId,
  status: Status,
  body: Schema.String,
})
export type LegacyEntryUpdated = typeof LegacyEntryUpdated.Type

/** Device-local: this reader has seen every inbox change up to `watermark`. Never synced. */
export const InboxWatermarkAdvanced = Schema.TaggedStruct("InboxWatermarkAdvanced", {
  reader: Schema.NonEmptyTrimmedString,
  watermark: EventId,
})
export type InboxWatermarkAdvanced = typeof InboxWatermarkAdvanced.Type

const TokenCount = Schema.NonNegativeInt

export const ModelUsage = Schema.Struct({
  model: Schema.NonEmptyString,
  inputTokens: TokenCount,
  outputTokens: TokenCount,
  cacheWrite5mTokens: TokenCount,
  cacheWrite1hTokens: TokenCount,
  cacheReadTokens: TokenCount,
  costUsd: Schema.NonNegative,
})
export type ModelUsage = typeof ModelUsage.Type

/** Usage of one model within one UTC hour (`2026-11-14T09`), by the time of each API response. */
export const HourlyUsage = Schema.Struct({ hour: Schema.String, ...ModelUsage.fields })
export type HourlyUsage = typeof HourlyUsage.Type

/** The full recorded state of one session; a later recording of the same session replaces it. */
export const SessionRecorded = Schema.TaggedStruct("SessionRecorded", {
  sessionId: SessionId,
  project: Schema.String,
  cwd: Schema.String,
  startedAt: Schema.NullOr(Schema.String),
  endedAt: Schema.NullOr(Schema.String),
  durationMin: Schema.NonNegative,
  messageCount: Schema.NonNegativeInt,
  toolCallCount: Schema.NonNegativeInt,
  skillsUsed: Schema.Array(Schema.String),
  gitBranch: Schema.NullOr(Schema.String),
  ccVersion: Schema.NullOr(Schema.String),
  title: Schema.NullOr(Schema.String),
  /**
   * Whether the title is the first prompt's line. Optional: events from before it existed do not
   * say, and sync then treats the title as prompt-derived when `sync_titles` is false.
   */
  titleFromPrompt: Schema.optional(Schema.Boolean),
  sessionType: Schema.String,
  models: Schema.Array(ModelUsage),
  hourlyUsage: Schema.Array(HourlyUsage),
  /** Claude Code's own cumulative figure (`cost-state`), a cross-check, not the cost. */
  ccCostUsd: Schema.NullOr(Schema.Number),
  transcriptPath: Schema.NullOr(Schema.String),
})
export type SessionRecorded = typeof SessionRecorded.Type

export const DomainEvent = Schema.Union(EntryLogged, EntryStatusChanged, LegacyEntryUpdated, InboxWatermarkAdvanced, SessionRecorded)
export type DomainEvent = typeof DomainEvent.Type
export type EventType = DomainEvent["_tag"]

/** The payload version this code writes and understands, per type (event-versions.ts). */
export const currentVersion: Readonly<Record<EventType, number>> = eventVersions

/** Types that never leave the device: kept in `local_events`, not `events`. */
export const isLocalOnly = (type: string): boolean => type === "InboxWatermarkAdvanced"

/** The entity an event is about: an entry, a session, or an inbox reader. */
export const entityOf = (event: DomainEvent): string => {
  switch (event._tag) {
    case "EntryLogged":
    case "EntryStatusChanged":
    case "LegacyEntryUpdated":
      return event.entryId
    case "InboxWatermarkAdvanced":
      return event.reader
    case "SessionRecorded":
      return event.sessionId
  }
}
