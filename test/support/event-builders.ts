import { CausalIdGenerator } from "../../src/events/causal-id-generator.js"
import type { ModelUsage } from "../../src/events/domain-event.js"
import { EntryId, EventId, SessionId } from "../../src/events/ids.js"
import { type EventDraft, stampEvents } from "../../src/events/stamp-events.js"
import type { StoredEvent } from "../../src/events/stored-event.js"
import type { Category, Status } from "../../src/events/entry-vocabulary.js"

export const t0 = Date.UTC(2026, 10, 21, 9, 0, 0)

/** A device writing events with its own causal clock; `clockOffsetMs` simulates skew. */
export class TestDevice {
  readonly ids = new CausalIdGenerator()
  constructor(readonly deviceId: string, readonly actor: string, public clockOffsetMs = 0) {}

  /** This device has now seen these events (as after a sync). */
  sees(events: ReadonlyArray<StoredEvent>): void {
    for (const event of events) this.ids.observe(event.id)
  }

  write(nowMs: number, ...drafts: ReadonlyArray<EventDraft>): ReadonlyArray<StoredEvent> {
    return stampEvents(drafts, { ids: this.ids, nowMs: nowMs + this.clockOffsetMs, deviceId: this.deviceId, actor: this.actor }).map(({ stored }) => stored)
  }
}

export const logDraft = (title: string, category: Category = "issue", status: Status = "open", body = ""): EventDraft => (id) => ({
  _tag: "EntryLogged",
  entryId: EntryId.make(id),
  category,
  status,
  title,
  body,
  sessionId: null,
  project: "demo",
})

export const statusDraft = (entryId: string, status: Status, note: string | null = null): EventDraft => () => ({
  _tag: "EntryStatusChanged",
  entryId: EntryId.make(entryId),
  status,
  note,
})

export const watermarkDraft = (reader: string, watermark: string): EventDraft => () => ({
  _tag: "InboxWatermarkAdvanced",
  reader,
  watermark: EventId.make(watermark),
})

export const usage = (model: string, inputTokens: number, outputTokens: number, costUsd: number): ModelUsage => ({
  model,
  inputTokens,
  outputTokens,
  cacheWrite5mTokens: 10,
  cacheWrite1hTokens: 5,
  cacheReadTokens: 100,
  costUsd,
})

export const sessionDraft = (sessionId: string, title: string, models: ReadonlyArray<ModelUsage>): EventDraft => () => ({
  _tag: "SessionRecorded",
  sessionId: SessionId.make(sessionId),
  project: "demo",
  cwd: "/work/demo",
  startedAt: "2026-11-21T09:00:00.000Z",
  endedAt: "2026-11-21T09:30:00.000Z",
  durationMin: 30,
  messageCount: 12,
  toolCallCount: 4,
  skillsUsed: [],
  gitBranch: "main",
  ccVersion: "2.1.39",
  title,
  sessionType: "general",
  models,
  hourlyUsage: models.map((model) => ({ hour: "2026-11-21T09", ...model })),
  ccCostUsd: null,
  transcriptPath: null,
})
