import type { SessionRecorded } from "../events/domain-event.js"
import type { TokenUsage } from "../transcript/usage.js"
import type { Decoded } from "./decoded-events.js"
import type { SessionHourRow, SessionModelRow, SessionRow } from "./session-rows.js"

const tokenTotals = (usage: TokenUsage) => {
  const cacheWrite = usage.cacheWrite5mTokens + usage.cacheWrite1hTokens
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    cache_write_tokens: cacheWrite,
    cache_read_tokens: usage.cacheReadTokens,
    total_tokens: usage.inputTokens + usage.outputTokens + cacheWrite + usage.cacheReadTokens,
  }
}

const toModelRows = (event: SessionRecorded) =>
  event.models.map((usage): SessionModelRow => ({
    session_id: event.sessionId as string,
    model: usage.model,
    ...tokenTotals(usage),
    cost_usd: usage.costUsd,
  }))

const sum = (rows: ReadonlyArray<SessionModelRow>, pick: (row: SessionModelRow) => number) =>
  rows.reduce((total, row) => total + pick(row), 0)

/** The session row and its per-model rows, in the original tool's column names. */
const toSessionRow = ({ event, stored }: Decoded<SessionRecorded>): SessionRow => {
  const models = toModelRows(event)
  return {
    session_id: event.sessionId as string,
    project: event.project,
    cwd: event.cwd,
    started_at: event.startedAt,
    ended_at: event.endedAt,
    duration_min: event.durationMin,
    models: event.models.map((usage) => usage.model).join(","),
    input_tokens: sum(models, (row) => row.input_tokens),
    output_tokens: sum(models, (row) => row.output_tokens),
    cache_write_tokens: sum(models, (row) => row.cache_write_tokens),
    cache_read_tokens: sum(models, (row) => row.cache_read_tokens),
    total_tokens: sum(models, (row) => row.total_tokens),
    cost_usd: sum(models, (row) => row.cost_usd),
    message_count: event.messageCount,
    tool_call_count: event.toolCallCount,
    skills_used: event.skillsUsed.join(","),
    git_branch: event.gitBranch,
    cc_version: event.ccVersion,
    title: event.title,
    session_type: event.sessionType,
    created_by: stored.actor,
    device_id: stored.deviceId,
    cc_cost_usd: event.ccCostUsd,
    transcript_path: event.transcriptPath,
    last_event_id: stored.id as string,
  }
}

const toHourlyRows = (event: SessionRecorded) =>
  event.hourlyUsage.map((usage): SessionHourRow => ({
    session_id: event.sessionId as string,
    hour: `${usage.hour}:00:00Z`,
    model: usage.model,
    ...tokenTotals(usage),
    cost_usd: usage.costUsd,
  }))

/** A session is its latest recording: later SessionRecorded events replace earlier ones whole. */
export const foldSessions = (events: Iterable<Decoded<SessionRecorded>>) => {
  const latest = new Map<string, Decoded<SessionRecorded>>()
  for (const decoded of events) latest.set(decoded.event.sessionId, decoded)
  const recordings = [...latest.values()]
  return {
    sessions: recordings.map(toSessionRow),
    models: recordings.flatMap(({ event }) => toModelRows(event)),
    hourly: recordings.flatMap(({ event }) => toHourlyRows(event)),
  }
}
