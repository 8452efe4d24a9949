import { printableLine } from "../terminal/printable-text.js"
import { humanUsd } from "./banner-text.js"
import { type SessionStartSnapshot, unreadInboxCount } from "./session-start-snapshot.js"
import type { RateLimitWindow, StatusLineInput } from "./status-line-input.js"
import { blockHours } from "../usage/usage-blocks.js"

/** Everything a part of the status line may look at. */
export interface StatusContext {
  readonly snapshot: SessionStartSnapshot | undefined
  readonly input: StatusLineInput
  readonly now: Date
  /** Whose inbox the badge counts. */
  readonly reader: string
}

/** One part of the line, or undefined to leave it out. Budgets' warnings can join as one more part. */
export type StatusPart = (context: StatusContext) => string | undefined

const model: StatusPart = ({ input }) => input.modelName ?? "Claude"

/** This session's cost as Claude Code counts it, else as recorded (a resumed session). */
const recordedSessionCost = ({ input, snapshot }: StatusContext) =>
  snapshot?.recentSessions.find((session) => session.session_id === input.sessionId)?.cost_usd

const sessionCost: StatusPart = (context) => {
  const cost = context.input.sessionCostUsd ?? recordedSessionCost(context)
  return cost === undefined ? undefined : `session ${humanUsd(cost)}`
}

const startOfLocalDay = (now: Date) => new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()

/**
 * Today's recorded cost, plus what this session has cost beyond what is recorded of it: the
 * session being worked in is recorded only when it ends.
 */
const todayCost: StatusPart = (context) => {
  const since = startOfLocalDay(context.now)
  const recorded = (context.snapshot?.usage?.hourlyCost ?? [])
    .filter((hour) => Date.parse(hour.hour) >= since)
    .reduce((total, hour) => total + hour.cost_usd, 0)
  const unrecorded = Math.max(0, (context.input.sessionCostUsd ?? 0) - (recordedSessionCost(context) ?? 0))
  return `today ${humanUsd(recorded + unrecorded)}`
}

const duration = (ms: number) => {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m` : `${minutes}m`
}

/** The running block's cost and time left; Claude Code's own reset time, when given, says when it ends. */
const activeBlock: StatusPart = ({ input, now, snapshot }) => {
  const block = snapshot?.usage?.latestBlock
  const end = block === null || block === undefined ? Number.NaN : Date.parse(block.end)
  const running = block !== null && block !== undefined && now.getTime() < end && now.getTime() - Date.parse(block.last_activity) < blockHours * 3_600_000
  const resets = input.fiveHour?.resets_at === undefined ? Number.NaN : Date.parse(input.fiveHour.resets_at)
  const endsAt = Number.isFinite(resets) && resets > now.getTime() ? resets : running ? end : Number.NaN
  if (!Number.isFinite(endsAt)) return undefined
  const left = `${duration(endsAt - now.getTime())} left`
  return running && block ? `block ${humanUsd(block.cost_usd)} (${left})` : `block ${left}`
}

const inbox: StatusPart = ({ reader, snapshot }) => {
  const count = snapshot === undefined ? 0 : unreadInboxCount(snapshot, reader)
  return count === 0 ? undefined : `📬 ${count}`
}

const percent = (label: string, window: RateLimitWindow | undefined) =>
  window === undefined ? undefined : `${label} ${Math.round(window.used_percentage)}%`

const rateLimits: StatusPart = ({ input }) => {
  const parts = [percent("5h", input.fiveHour), percent("7d", input.sevenDay)].filter((part) => part !== undefined)
  return parts.length === 0 ? undefined : parts.join(" ")
}

export const statusParts: ReadonlyArray<StatusPart> = [model, sessionCost, todayCost, activeBlock, inbox, rateLimits]

/** The status line: one printable line, whatever the snapshot and the input hold. */
export const statusLine = (context: StatusContext, parts: ReadonlyArray<StatusPart> = statusParts): string =>
  printableLine(parts.map((part) => part(context)).filter((part) => part !== undefined && part !== "").join(" · "))
