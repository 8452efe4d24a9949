import { createHash } from "node:crypto"
import type { ModelUsage, SessionRecorded } from "../events/domain-event.js"
import { categories, type Category, defaultStatus, type Status, statuses } from "../events/entry-vocabulary.js"
import { EntryId, SessionId } from "../events/ids.js"
import { envelopeOf } from "../events/stamp-events.js"
import type { StoredEvent } from "../events/stored-event.js"
import { deterministicEventId, lastEventIdAt } from "./deterministic-id.js"
import type { LegacyData, LegacyEntryRow, LegacyModelRow, LegacySessionRow } from "./legacy-rows.js"

/** The device named on events imported from the original's tables: none of ours made them. */
export const legacyDeviceId = "claude-session-logger-0.3.45"

export interface ImportingDevice {
  /** This device's id and user: the inbox watermark is theirs, and it never leaves this device. */
  readonly deviceId: string
  readonly reader: string
}

/** The events of one source, and the rows that could not become any (with why). */
export interface LegacyConversion {
  readonly events: ReadonlyArray<StoredEvent>
  readonly skipped: ReadonlyArray<string>
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The original wrote UTC, sometimes without saying so: a time without a zone is UTC. */
const timeOf = (text: string | null): number | null => {
  if (text === null) return null
  const trimmed = text.trim().replace(" ", "T")
  const ms = Date.parse(/(Z|[+-]\d\d(:?\d\d)?)$/i.test(trimmed) || !trimmed.includes("T") ? trimmed : `${trimmed}Z`)
  return Number.isNaN(ms) ? null : ms
}

const iso = (ms: number) => new Date(ms).toISOString()
const digest = (text: string) => createHash("sha256").update(text).digest("hex")
const knownCategory = (text: string | null): Category | undefined => categories.find((category) => category === text?.trim())
const knownStatus = (text: string | null): Status | undefined => statuses.find((status) => status === text?.trim())
const nonEmpty = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === "" ? null : text.trim())

/**
 * An entry is logged at its `logged_at` by `created_by`. If the original changed it since
 * (`updated_at` set), a `LegacyEntryUpdated` at `updated_at` by `updated_by` carries the status
 * and body it has now; its id hashes that state, so a later change in a cloud table the
 * original still writes becomes a new event, and the same change imported twice stays one.
 */
const entryEvents = (row: LegacyEntryRow): ReadonlyArray<StoredEvent> | string => {
  const uuid = row.id.trim().toLowerCase()
  if (!uuidPattern.test(uuid)) return `log entry "${row.id}": its id is not a UUID`
  const loggedMs = timeOf(row.logged_at) ?? timeOf(row.updated_at)
  if (loggedMs === null) return `log entry ${uuid}: no logged_at time`
  const category = knownCategory(row.category) ?? "note"
  const status = knownStatus(row.status) ?? defaultStatus(category)
  const updatedMs = timeOf(row.updated_at)
  const entryId = EntryId.make(uuid)
  const createdBy = nonEmpty(row.created_by) ?? "unknown"
  const body = row.body ?? ""
  const sessionId = nonEmpty(row.session_id)
  const logged = envelopeOf({
    _tag: "EntryLogged",
    entryId,
    category,
    status: updatedMs === null ? status : defaultStatus(category),
    title: nonEmpty(row.title) ?? "(untitled)",
    body,
    sessionId: sessionId === null ? null : SessionId.make(sessionId),
    project: nonEmpty(row.project),
  }, { id: deterministicEventId(loggedMs, `legacy-entry:${uuid}`), deviceId: legacyDeviceId, actor: createdBy, recordedAt: iso(loggedMs) })
  if (updatedMs === null) return [logged]
  // The change must sort after the logging even if the original's clocks disagreed.
  const updated = envelopeOf({ _tag: "LegacyEntryUpdated", entryId, status, body }, {
    id: deterministicEventId(Math.max(updatedMs, loggedMs + 1), `legacy-entry-update:${uuid}:${updatedMs}:${status}:${digest(body)}`),
    deviceId: legacyDeviceId,
    actor: nonEmpty(row.updated_by) ?? createdBy,
    recordedAt: iso(updatedMs),
  })
  return [logged, updated]
}

const count = (value: number | null) => Math.max(0, Math.round(value ?? 0))

const usageOf = (model: string, row: Omit<LegacyModelRow, "session_id" | "model">): ModelUsage => ({
  model,
  inputTokens: count(row.input_tokens),
  outputTokens: count(row.output_tokens),
  // The original kept one cache-write figure; it lands in the 5-minute column (same total).
  cacheWrite5mTokens: count(row.cache_write_tokens),
  cacheWrite1hTokens: 0,
  cacheReadTokens: count(row.cache_read_tokens),
  costUsd: Math.max(0, row.cost_usd ?? 0),
})

const listOf = (text: string | null) => (text ?? "").split(",").map((item) => item.trim()).filter((item) => item !== "")

/**
 * A session with its per-model rows becomes one recording with the original's numbers. Its
 * usage has no hourly breakdown in the original, so it all lands in the hour the session ended
 * (else started). A session without model rows keeps its totals under its first model's name.
 */
const sessionEvent = (row: LegacySessionRow, modelRows: ReadonlyArray<LegacyModelRow>): StoredEvent | string => {
  const sessionId = nonEmpty(row.session_id)
  if (sessionId === null) return "session with an empty session_id"
  const endedMs = timeOf(row.ended_at)
  const startedMs = timeOf(row.started_at)
  const atMs = endedMs ?? startedMs ?? timeOf(row.session_date)
  if (atMs === null) return `session ${sessionId}: no ended_at, started_at or session_date`
  const modelNames = listOf(row.models)
  const rank = (model: string) => (modelNames.includes(model) ? modelNames.indexOf(model) : modelNames.length)
  const models = modelRows.length > 0
    ? [...modelRows].sort((a, b) => rank(a.model) - rank(b.model) || (a.model < b.model ? -1 : 1)).map((model) => usageOf(model.model, model))
    : [usageOf(modelNames[0] ?? "unknown", row)]
  const hour = iso(atMs).slice(0, 13)
  const event: SessionRecorded = {
    _tag: "SessionRecorded",
    sessionId: SessionId.make(sessionId),
    project: row.project ?? "",
    cwd: row.cwd ?? "",
    startedAt: startedMs === null ? null : iso(startedMs),
    endedAt: endedMs === null ? null : iso(endedMs),
    durationMin: Math.max(0, row.duration_min ?? 0),
    messageCount: count(row.message_count),
    toolCallCount: count(row.tool_call_count),
    skillsUsed: listOf(row.skills_used),
    gitBranch: nonEmpty(row.git_branch),
    ccVersion: nonEmpty(row.cc_version),
    title: nonEmpty(row.title),
    sessionType: nonEmpty(row.session_type) ?? "general",
    models,
    hourlyUsage: models.map((usage) => ({ hour, ...usage })),
    ccCostUsd: null,
    transcriptPath: null,
  }
  return envelopeOf(event, {
    id: deterministicEventId(atMs, `legacy-session:${sessionId}:${digest(JSON.stringify(event))}`),
    deviceId: legacyDeviceId,
    actor: nonEmpty(row.created_by) ?? "unknown",
    recordedAt: iso(atMs),
  })
}

/** The inbox watermark (a time) becomes the highest event id of that millisecond: all up to it seen. */
const watermarkEvent = (watermark: string | null, device: ImportingDevice): ReadonlyArray<StoredEvent> => {
  const atMs = timeOf(watermark)
  if (atMs === null) return []
  return [envelopeOf({ _tag: "InboxWatermarkAdvanced", reader: device.reader, watermark: lastEventIdAt(atMs) }, {
    id: deterministicEventId(atMs, `legacy-watermark:${device.reader}:${atMs}`),
    deviceId: device.deviceId,
    actor: device.reader,
    recordedAt: iso(atMs),
  })]
}

/** Converts the original's rows into events; pure, so the same rows always give the same events. */
export const legacyEvents = (data: LegacyData, device: ImportingDevice): LegacyConversion => {
  const modelsBySession = new Map<string, Array<LegacyModelRow>>()
  for (const row of data.models) {
    const key = row.session_id.trim()
    const rows = modelsBySession.get(key)
    if (rows === undefined) modelsBySession.set(key, [row])
    else rows.push(row)
  }
  const converted = [
    ...data.entries.map(entryEvents),
    ...data.sessions.map((row) => sessionEvent(row, modelsBySession.get(row.session_id.trim()) ?? [])),
  ]
  const events = converted.flatMap((result) => (typeof result === "string" ? [] : Array.isArray(result) ? result : [result]))
  return {
    events: [...events, ...watermarkEvent(data.inboxWatermark, device)].sort((a, b) => (a.id < b.id ? -1 : 1)),
    skipped: converted.filter((result): result is string => typeof result === "string"),
  }
}
