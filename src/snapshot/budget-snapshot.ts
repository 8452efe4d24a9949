import { Effect, Schema } from "effect"
import { budgetsTable } from "../projections/budgets.js"
import { sessionsTable, sessionUsageHourlyTable } from "../projections/sessions.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/** What budgets need to be measured without the database: the owner's limits and recent spend. */
export interface BudgetSnapshot {
  readonly budgets: ReadonlyArray<BudgetRow>
  /** The owner's cost per UTC hour and project, every device's sessions, for the last `spendDaysKept` days. */
  readonly hourlySpend: ReadonlyArray<HourlySpend>
  /** The owner's most recent sessions with their cost, for session budgets. */
  readonly sessions: ReadonlyArray<SessionSpend>
}

const BudgetRow = Schema.Struct({ period: Schema.String, project: Schema.NullOr(Schema.String), limit_usd: Schema.Number })
export type BudgetRow = typeof BudgetRow.Type
const HourlySpend = Schema.Struct({ hour: Schema.String, project: Schema.String, cost_usd: Schema.Number })
export type HourlySpend = typeof HourlySpend.Type
const SessionSpend = Schema.Struct({ session_id: Schema.String, project: Schema.String, cost_usd: Schema.Number })
export type SessionSpend = typeof SessionSpend.Type

/** A month and a few days: enough for every period's spend at any time before the next refresh. */
export const spendDaysKept = 35
const sessionsKept = 20

/**
 * Reads `owner`'s budgets and spend: sessions they recorded (`created_by`) on any device, never
 * a teammate's. Empty when they set no budget, so the snapshot stays small for everyone else.
 */
export const readBudgetSnapshot = (db: Db, owner: string, now: Date): Effect.Effect<BudgetSnapshot, DatabaseFailed> =>
  Effect.gen(function* () {
    const budgets = yield* db.all(
      BudgetRow,
      `SELECT period, project, limit_usd FROM ${budgetsTable} WHERE owner = $1 ORDER BY period, project NULLS FIRST`,
      [owner],
    )
    if (budgets.length === 0) return { budgets, hourlySpend: [], sessions: [] }
    const hourlySpend = yield* db.all(
      HourlySpend,
      `SELECT strftime(h.hour AT TIME ZONE 'UTC', '%Y-%m-%dT%H:00:00Z') AS hour, s.project, sum(h.cost_usd) AS cost_usd
       FROM ${sessionUsageHourlyTable} h JOIN ${sessionsTable} s USING (session_id)
       WHERE s.created_by = $1 AND h.hour >= $2::TIMESTAMPTZ
       GROUP BY ALL ORDER BY hour, project`,
      [owner, new Date(now.getTime() - spendDaysKept * 86_400_000).toISOString()],
    )
    const sessions = yield* db.all(
      SessionSpend,
      `SELECT session_id, project, cost_usd FROM ${sessionsTable} WHERE created_by = $1
       ORDER BY ended_at DESC NULLS LAST, session_id LIMIT ${sessionsKept}`,
      [owner],
    )
    return { budgets, hourlySpend, sessions }
  })
