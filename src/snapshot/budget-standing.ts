import { printableLine } from "../terminal/printable-text.js"
import type { BudgetSnapshot } from "./budget-snapshot.js"

/** A budget measured now: spend so far, its share of the limit, and where the pace leads. */
export interface BudgetStanding {
  readonly period: string
  readonly project: string | null
  readonly limitUsd: number
  readonly spentUsd: number
  /** spent / limit: 1 is the whole budget. */
  readonly share: number
  /** Spend at the period's end if it goes on at the pace so far; none for a session budget. */
  readonly projectedUsd: number | null
  /** The session a session budget measured, or the calendar period (local time) it covers. */
  readonly measured: { readonly sessionId: string | null } | { readonly from: string; readonly to: string }
}

/** Warn from this share of a budget on. */
export const warnShare = 0.8

/** The calendar period containing `now`, in local time: today, this week from Monday, this month. */
export const periodBounds = (period: "daily" | "weekly" | "monthly", now: Date): { readonly start: Date; readonly end: Date } => {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  if (period === "daily") return { start, end: new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1) }
  if (period === "weekly") {
    const monday = new Date(start.getFullYear(), start.getMonth(), start.getDate() - ((start.getDay() + 6) % 7))
    return { start: monday, end: new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7) }
  }
  return { start: new Date(now.getFullYear(), now.getMonth(), 1), end: new Date(now.getFullYear(), now.getMonth() + 1, 1) }
}

const roundUsd = (value: number) => Math.round(value * 100) / 100

/**
 * Every budget of the snapshot, measured at `now`. A session budget measures `sessionId`'s
 * session, or without one the owner's latest.
 */
export const budgetStandings = (snapshot: BudgetSnapshot, now: Date, sessionId?: string): ReadonlyArray<BudgetStanding> =>
  snapshot.budgets.flatMap((budget): ReadonlyArray<BudgetStanding> => {
    const inProject = (project: string) => budget.project === null || budget.project === project
    const standing = (spentUsd: number, projectedUsd: number | null, measured: BudgetStanding["measured"]): BudgetStanding => ({
      period: budget.period,
      project: budget.project,
      limitUsd: budget.limit_usd,
      spentUsd: roundUsd(spentUsd),
      share: spentUsd / budget.limit_usd,
      projectedUsd: projectedUsd === null ? null : roundUsd(projectedUsd),
      measured,
    })
    if (budget.period === "session") {
      const session = sessionId === undefined
        ? snapshot.sessions.find((candidate) => inProject(candidate.project))
        : snapshot.sessions.find((candidate) => candidate.session_id === sessionId && inProject(candidate.project))
      return [standing(session?.cost_usd ?? 0, null, { sessionId: session?.session_id ?? null })]
    }
    if (budget.period !== "daily" && budget.period !== "weekly" && budget.period !== "monthly") return []
    const { end, start } = periodBounds(budget.period, now)
    const spent = snapshot.hourlySpend
      .filter((row) => inProject(row.project) && Date.parse(row.hour) >= start.getTime() && Date.parse(row.hour) < end.getTime())
      .reduce((total, row) => total + row.cost_usd, 0)
    const elapsed = Math.max(now.getTime() - start.getTime(), 60_000)
    return [standing(spent, spent * ((end.getTime() - start.getTime()) / elapsed), { from: start.toISOString(), to: end.toISOString() })]
  })

const label = (standing: BudgetStanding) => `${standing.period}${standing.project === null ? "" : ` (${printableLine(standing.project)})`}`

/** `daily $8.40 of $10.00 (84%)`. */
export const standingText = (standing: BudgetStanding): string =>
  `${label(standing)} $${standing.spentUsd.toFixed(2)} of $${standing.limitUsd.toFixed(2)} (${Math.round(standing.share * 100)}%)`

/**
 * The one-line budget warning of the session-start banner and the status line: every budget at
 * 80% or more, or nothing. Session budgets count only with `sessionId` (the session running):
 * a new session has spent nothing yet.
 */
export const budgetWarning = (snapshot: BudgetSnapshot | undefined, now: Date, sessionId?: string): string => {
  if (snapshot === undefined) return ""
  const warned = budgetStandings(snapshot, now, sessionId)
    .filter((standing) => standing.share >= warnShare && (standing.period !== "session" || sessionId !== undefined))
  if (warned.length === 0) return ""
  const over = warned.some((standing) => standing.share > 1)
  return `${over ? "🛑 Budget exceeded" : "⚠️ Budget"}: ${warned.map(standingText).join(" · ")}`
}
