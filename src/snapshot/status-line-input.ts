/**
 * What Claude Code pipes to a status-line command after every message, read defensively: any
 * field may be missing, of another type, or the whole input garbage; what cannot be read is
 * left out, never an error.
 */
export interface RateLimitWindow {
  readonly used_percentage: number
  /** ISO time, when Claude Code gave one (it sends epoch seconds or an ISO string). */
  readonly resets_at: string | undefined
}

export interface StatusLineInput {
  readonly sessionId: string | undefined
  readonly modelName: string | undefined
  readonly sessionCostUsd: number | undefined
  readonly fiveHour: RateLimitWindow | undefined
  readonly sevenDay: RateLimitWindow | undefined
}

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined)
const finiteNumber = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined)

const isoTime = (value: unknown): string | undefined => {
  // Epoch seconds below ~5e10, milliseconds above: both have been seen in the wild.
  const ms = typeof value === "number" ? (value < 5e10 ? value * 1000 : value) : typeof value === "string" ? Date.parse(value) : Number.NaN
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : undefined
}

const rateWindow = (value: unknown): RateLimitWindow | undefined => {
  const used = finiteNumber(field(value, "used_percentage"))
  return used === undefined ? undefined : { used_percentage: used, resets_at: isoTime(field(value, "resets_at")) }
}

export const parseStatusLineInput = (raw: string): StatusLineInput => {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    json = undefined
  }
  const rateLimits = field(json, "rate_limits")
  return {
    sessionId: text(field(json, "session_id")),
    modelName: text(field(field(json, "model"), "display_name")) ?? text(field(field(json, "model"), "id")),
    sessionCostUsd: finiteNumber(field(field(json, "cost"), "total_cost_usd")),
    fiveHour: rateWindow(field(rateLimits, "five_hour")),
    sevenDay: rateWindow(field(rateLimits, "seven_day")),
  }
}
