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

const Sha256 = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))

/** A Markdown file in a project's Claude Code memory dir, by its device-independent project key. */
const MemoryFileRef = {
  projectKey: Schema.NonEmptyTrimmedString,
  name: Schema.String.pipe(Schema.pattern(/^[^/\\]+\.md$/)),
  /** The versions (sha256) this one replaces: what the writing device last synced, and any conflicts it resolved. */
  parents: Schema.Array(Sha256),
}

/** A memory file's whole content, as one device saw it. */
export const MemoryFileWritten = Schema.TaggedStruct("MemoryFileWritten", {
  ...MemoryFileRef,
  content: Schema.String,
  sha256: Sha256,
  bytes: Schema.NonNegativeInt,
})
export type MemoryFileWritten = typeof MemoryFileWritten.Type

export const MemoryFileDeleted = Schema.TaggedStruct("MemoryFileDeleted", MemoryFileRef)
export type MemoryFileDeleted = typeof MemoryFileDeleted.Type

/** The entity of a memory file: one per project key and file name. */
export const memoryFileEntity = (projectKey: string, name: string): string => `memory:${projectKey}/${name}`

/** A memory file's version its author publishes to their hive, for the teammates who subscribe. */
export const MemoryPublished = Schema.TaggedStruct("MemoryPublished", {
  projectKey: MemoryFileRef.projectKey,
  name: MemoryFileRef.name,
  content: Schema.String,
  sha256: Sha256,
  bytes: Schema.NonNegativeInt,
})
export type MemoryPublished = typeof MemoryPublished.Type

/** The file leaves its author's hive: subscribers remove their copy. */
export const MemoryUnpublished = Schema.TaggedStruct("MemoryUnpublished", {
  projectKey: MemoryFileRef.projectKey,
  name: MemoryFileRef.name,
})
export type MemoryUnpublished = typeof MemoryUnpublished.Type

/**
 * The entity of a memory file its publisher publishes: apart from the file's own (`memory:`) so the
 * two folds never mix, and one per publisher, since teammates sharing a remote each publish their own.
 */
export const publishedMemoryEntity = (publisher: string, projectKey: string, name: string): string =>
  `hive-memory:${JSON.stringify([publisher, projectKey, name])}`

/**
 * This user subscribes to a teammate's hive: to the projects listed, or (null) to all it offers.
 * A later one replaces it; it travels with the user's own events so a new device subscribes too.
 */
export const HiveSubscribed = Schema.TaggedStruct("HiveSubscribed", {
  url: Schema.NonEmptyTrimmedString,
  projects: Schema.NullOr(Schema.Array(Schema.NonEmptyTrimmedString)),
})
export type HiveSubscribed = typeof HiveSubscribed.Type

export const HiveUnsubscribed = Schema.TaggedStruct("HiveUnsubscribed", { url: Schema.NonEmptyTrimmedString })
export type HiveUnsubscribed = typeof HiveUnsubscribed.Type

/** One per subscriber: a teammate's subscriptions that arrive through a shared remote are theirs alone. */
export const hiveSubscriptionEntity = (subscriber: string, url: string): string => `hive-subscription:${JSON.stringify([subscriber, url])}`

export const budgetPeriods = ["daily", "weekly", "monthly", "session"] as const
export const BudgetPeriod = Schema.Literal(...budgetPeriods)
export type BudgetPeriod = typeof BudgetPeriod.Type

/**
 * The owner's spending limit for a period (across all of their projects, or one), or its removal
 * (`limitUsd` null). It syncs, so the budget follows its owner to every device; it binds only them.
 */
export const BudgetSet = Schema.TaggedStruct("BudgetSet", {
  owner: Schema.NonEmptyTrimmedString,
  period: BudgetPeriod,
  project: Schema.NullOr(Schema.NonEmptyTrimmedString),
  limitUsd: Schema.NullOr(Schema.Positive),
})
export type BudgetSet = typeof BudgetSet.Type

export const DomainEvent = Schema.Union(
  EntryLogged,
  EntryStatusChanged,
  LegacyEntryUpdated,
  InboxWatermarkAdvanced,
  SessionRecorded,
  MemoryFileWritten,
  MemoryFileDeleted,
  BudgetSet,
  MemoryPublished,
  MemoryUnpublished,
  HiveSubscribed,
  HiveUnsubscribed,
)
export type DomainEvent = typeof DomainEvent.Type
export type EventType = DomainEvent["_tag"]

/** The payload version this code writes and understands, per type (event-versions.ts). */
export const currentVersion: Readonly<Record<EventType, number>> = eventVersions

/** Types that never leave the device: kept in `local_events`, not `events`. */
export const isLocalOnly = (type: string): boolean => type === "InboxWatermarkAdvanced"

/** One budget per owner, period and project (`*` for all of them). */
export const budgetEntity = (budget: Pick<BudgetSet, "owner" | "period" | "project">): string =>
  `budget:${budget.owner}:${budget.period}:${budget.project ?? "*"}`

/** The entity an event is about: an entry, a session, or an inbox reader. */
export const entityOf = (event: DomainEvent, actor: string): string => {
  switch (event._tag) {
    case "EntryLogged":
    case "EntryStatusChanged":
    case "LegacyEntryUpdated":
      return event.entryId
    case "InboxWatermarkAdvanced":
      return event.reader
    case "SessionRecorded":
      return event.sessionId
    case "MemoryFileWritten":
    case "MemoryFileDeleted":
      return memoryFileEntity(event.projectKey, event.name)
    case "BudgetSet":
      return budgetEntity(event)
    case "MemoryPublished":
    case "MemoryUnpublished":
      return publishedMemoryEntity(actor, event.projectKey, event.name)
    case "HiveSubscribed":
    case "HiveUnsubscribed":
      return hiveSubscriptionEntity(actor, event.url)
  }
}
