import { truncateCodePoints } from "../terminal/code-point-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { RecentSession } from "./recent-session.js"

/** 1234 → "1.2k", 1_234_567 → "1.2M". */
export const humanCount = (value: number): string => {
  const units: ReadonlyArray<[number, string]> = [[1e9, "B"], [1e6, "M"], [1e3, "k"]]
  for (const [size, suffix] of units) {
    if (Math.abs(value) >= size) return `${(value / size).toFixed(1).replace(/\.0$/, "")}${suffix}`
  }
  return String(value)
}

export const humanUsd = (value: number): string => `$${value.toFixed(2)}`

/** How wide a title may be in the banner: a line each session, whatever the title. */
export const bannerTitleWidth = 60

/**
 * A title as one short line: its first line, then its first sentence when that is not too short
 * to say anything, then cut at a word (or, without spaces, anywhere) to `bannerTitleWidth` columns.
 */
export const shortTitle = (title: string): string => {
  const firstLine = printableLine(title.trim().split(/\r?\n/)[0] ?? "").trim()
  const sentenceEnd = /[.!?。！？](\s|$)/.exec(firstLine)
  const sentence = sentenceEnd !== null && sentenceEnd.index >= 12 ? firstLine.slice(0, sentenceEnd.index + 1) : firstLine
  const cut = truncateCodePoints(sentence, bannerTitleWidth)
  if (cut === sentence) return sentence
  const lastSpace = cut.lastIndexOf(" ")
  return lastSpace >= bannerTitleWidth / 2 ? `${cut.slice(0, lastSpace)}…` : cut
}

const sessionLine = (session: RecentSession): string => {
  const when = session.ended_at === null ? "?" : session.ended_at.slice(0, 16).replace("T", " ")
  const parts = [
    when,
    printableLine(session.project),
    session.title === null ? "(untitled)" : shortTitle(session.title),
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
