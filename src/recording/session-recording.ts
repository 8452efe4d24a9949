import { basename } from "node:path"
import type { HourlyUsage, ModelUsage, SessionRecorded } from "../events/domain-event.js"
import { SessionId } from "../events/ids.js"
import { costUsd, type PriceTable, priceOf } from "../transcript/pricing.js"
import { type CountedResponse, type ParsedSession, usageByModel } from "../transcript/session-accumulator.js"
import { sessionType, type SessionTypeRule } from "../transcript/session-type.js"
import type { ToolCall } from "../transcript/tool-calls.js"
import { addUsage, type TokenUsage, zeroUsage } from "../transcript/usage.js"

export interface RecordingRules {
  readonly prices: PriceTable
  readonly sessionTypes: ReadonlyArray<SessionTypeRule>
}

/** A session ready to record, and what the user should hear about it. */
export interface SessionRecording {
  readonly event: SessionRecorded
  /** Models with no known price: their cost counts as 0 until prices.json names them. */
  readonly unknownModels: ReadonlyArray<string>
  readonly malformedLines: number
  /** Every response the session's files hold, before the cross-session rule gives each one owner. */
  readonly responses: ReadonlyArray<CountedResponse>
  /** Its tool calls, for the local activity table (never in the event). */
  readonly toolCalls: ReadonlyArray<ToolCall>
}

const roundUsd = (value: number) => Math.round(value * 1e6) / 1e6

const priced = (rules: RecordingRules, model: string, usage: TokenUsage): ModelUsage => {
  const price = priceOf(rules.prices, model)
  return { model, ...usage, costUsd: price === undefined ? 0 : roundUsd(costUsd(price, usage)) }
}

/**
 * Claude Code's own form of a time, on a day every month has and an hour before 24: already what
 * toISOString gives back for it, so it needs no parsing (a session holds thousands).
 */
const canonicalTime = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

/** A transcript's time as an ISO string, or null when it is not a time at all (a damaged line). */
export const validTime = (time: string | null): string | null => {
  if (time !== null && canonicalTime.test(time)) return time
  const ms = time === null ? Number.NaN : Date.parse(time)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

/** A response whose own time is damaged is counted in `fallbackTime`'s hour rather than lost. */
const hourlyUsage = (
  responses: ReadonlyArray<CountedResponse>,
  rules: RecordingRules,
  fallbackTime: string | null,
): ReadonlyArray<HourlyUsage> => {
  const buckets = new Map<string, { hour: string; model: string; usage: TokenUsage }>()
  for (const response of responses) {
    const time = validTime(response.timestamp) ?? validTime(fallbackTime)
    if (time === null) continue
    const hour = time.slice(0, 13)
    const key = `${hour} ${response.model}`
    const bucket = buckets.get(key)
    buckets.set(key, { hour, model: response.model, usage: addUsage(bucket?.usage ?? zeroUsage, response.usage) })
  }
  return [...buckets.values()]
    .sort((a, b) => (a.hour === b.hour ? a.model.localeCompare(b.model) : a.hour < b.hour ? -1 : 1))
    .map(({ hour, model, usage }) => ({ hour, ...priced(rules, model, usage) }))
}

const minutesBetween = (start: string | null, end: string | null): number => {
  if (start === null || end === null) return 0
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000
  return Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 10) / 10 : 0
}

/** Tokens and cost per model and per UTC hour of these responses, priced by the rules. */
export const tokenFigures = (responses: ReadonlyArray<CountedResponse>, rules: RecordingRules, fallbackTime: string | null) => {
  const models = [...usageByModel(responses)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, usage]) => priced(rules, model, usage))
  return {
    models,
    hourlyUsage: hourlyUsage(responses, rules, fallbackTime),
    unknownModels: models.filter((usage) => priceOf(rules.prices, usage.model) === undefined).map((usage) => usage.model),
  }
}

/**
 * The SessionRecorded event for a parsed transcript: cost per model from the price table, the
 * session type from the rules. `fallbackCwd` (the hook's cwd) serves when no line names one.
 */
export const sessionRecording = (
  parsed: ParsedSession,
  transcriptPath: string,
  fallbackCwd: string,
  rules: RecordingRules,
): SessionRecording => {
  const cwd = parsed.cwd ?? fallbackCwd
  const startedAt = validTime(parsed.startedAt)
  const endedAt = validTime(parsed.endedAt)
  const { hourlyUsage, models, unknownModels } = tokenFigures(parsed.responses, rules, startedAt)
  return {
    event: {
      _tag: "SessionRecorded",
      sessionId: SessionId.make(parsed.sessionId),
      project: basename(cwd),
      cwd,
      startedAt,
      endedAt,
      durationMin: minutesBetween(startedAt, endedAt),
      messageCount: parsed.messageCount,
      toolCallCount: parsed.toolCallCount,
      skillsUsed: parsed.skillsUsed,
      gitBranch: parsed.gitBranch,
      ccVersion: parsed.ccVersion,
      title: parsed.title,
      titleFromPrompt: parsed.titleFromPrompt,
      sessionType: sessionType(rules.sessionTypes, parsed.skillsUsed, cwd),
      models,
      hourlyUsage,
      ccCostUsd: parsed.ccCostUsd,
      transcriptPath,
    },
    unknownModels,
    malformedLines: parsed.malformedLines,
    responses: parsed.responses,
    toolCalls: parsed.toolCalls,
  }
}
