import type { RecentSession } from "./session-start-snapshot.js"

/** 1234 → "1.2k", 1_234_567 → "1.2M". */
export const humanCount = (value: number): string => {
  const units: ReadonlyArray<[number, string]> = [[1e9, "B"], [1e6, "M"], [1e3, "k"]]
  for (const [size, suffix] of units) {
    if (Math.abs(value) >= size) return `${(value / size).toFixed(1).replace(/\.0$/, "")}${suffix}`
  }
  return String(value)
}

export const humanUsd = (value: number): string => `$${value.toFixed(2)}`

const sessionLine = (session: RecentSession): string => {
  const when = session.ended_at === null ? "?" : session.ended_at.slice(0, 16).replace("T", " ")
  const parts = [
    when,
    session.project,
    session.title ?? "(untitled)",
    `${Math.round(session.duration_min)} min`,
    `${humanCount(session.total_tokens)} tokens`,
    humanUsd(session.cost_usd),
  ]
  return `- ${parts.join(" · ")}`
}

/** Printed at session start and added to Claude's context: short, or nothing at all. */
export const recentBanner = (sessions: ReadonlyArray<RecentSession>): string =>
  sessions.length === 0 ? "" : [`Recent sessions (claude-session-logger):`, ...sessions.map(sessionLine)].join("\n")

export const inboxBadge = (count: number): string =>
  count === 0 ? "" : `📬 ${count} shared issue update(s) — run: claude-session-logger inbox`
