import { Effect, Schema } from "effect"
import { newestEventId, storedEventCount } from "../events/event-store.js"
import { hivePublishedTable } from "../projections/hive-published.js"
import { hiveSubscriptionsTable } from "../projections/hive-subscriptions.js"
import { inboxWatermarksTable } from "../projections/inbox-watermarks.js"
import { logEntriesTable } from "../projections/log-entry-rows.js"
import { sessionsTable, sessionUsageHourlyTable } from "../projections/sessions.js"
import { notStubSessionSql } from "../projections/stub-session.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { isoUtc } from "../store/sql-fragments.js"
import { selectList } from "../store/table-columns.js"
import type { PriceTable } from "../transcript/pricing.js"
import { usageActivities } from "../usage/block-activity.js"
import { inboxChangesKept, recentSessionsKept, type SessionStartSnapshot, type SnapshotUsage } from "./session-start-snapshot.js"
import { usageBlocks } from "../usage/usage-blocks.js"
import { readBudgetSnapshot } from "./budget-snapshot.js"
import { RecentSession } from "./recent-session.js"

const EntryChangeRow = Schema.Struct({ entryId: Schema.String, lastEventId: Schema.String, updatedBy: Schema.String })
const WatermarkRow = Schema.Struct({ reader: Schema.String, watermark: Schema.String })
const HourCostRow = Schema.Struct({ hour: Schema.String, cost_usd: Schema.Number })

const hourMs = 3_600_000

/**
 * The actor's last two days of cost per hour, and their newest block. Blocks are found from the
 * activity of the last day only, so after a day without a five-hour pause the newest block's
 * start may differ from `blocks`, which reads the whole history; the snapshot stays cheap.
 */
const recentUsage = (db: Db, actor: string, prices: PriceTable, now: number) =>
  Effect.gen(function* () {
    const hourlyCost = yield* db.all(
      HourCostRow,
      `SELECT ${isoUtc("u.hour")} AS hour, round(sum(u.cost_usd), 6) AS cost_usd
       FROM ${sessionUsageHourlyTable} u JOIN ${sessionsTable} s USING (session_id)
       WHERE s.created_by = $1 AND u.hour >= $2::TIMESTAMPTZ GROUP BY 1 ORDER BY 1`,
      [actor, new Date(now - 48 * hourMs).toISOString()],
    )
    const activities = yield* usageActivities(db, { createdBy: actor, since: new Date(now - 24 * hourMs) }, prices)
    return { actor, hourlyCost, latestBlock: usageBlocks(activities, now).at(-1) ?? null } satisfies SnapshotUsage
  })

const InUseRow = Schema.Struct({ in_use: Schema.Boolean })

/**
 * Whether `actor` publishes or subscribes to anything in a hive: a new device learns it from the
 * synced events before it has any hive folder of its own, and session start then syncs the hive.
 */
const hiveInUse = (db: Db, actor: string) =>
  db.all(
    InUseRow,
    `SELECT EXISTS (SELECT 1 FROM ${hiveSubscriptionsTable} WHERE actor = $1) OR EXISTS (SELECT 1 FROM ${hivePublishedTable} WHERE actor = $1) AS in_use`,
    [actor],
  ).pipe(Effect.map(([row]) => row?.in_use === true))

/** Reads the session-start snapshot off the projections; the status line's usage and the budgets are `actor`'s. */
export const buildSnapshot = (db: Db, actor: string, prices: PriceTable, now: Date): Effect.Effect<SessionStartSnapshot, DatabaseFailed> =>
  Effect.gen(function* () {
    const recentSessions = yield* db.all(
      RecentSession,
      `SELECT ${selectList(RecentSession.fields)} FROM ${sessionsTable} WHERE ${notStubSessionSql}
       ORDER BY ended_at DESC NULLS LAST, session_id LIMIT ${recentSessionsKept}`,
    )
    const entryChanges = yield* db.all(
      EntryChangeRow,
      `SELECT id AS "entryId", last_event_id AS "lastEventId", updated_by AS "updatedBy" FROM ${logEntriesTable}
       ORDER BY last_event_id DESC LIMIT ${inboxChangesKept}`,
    )
    const watermarks = yield* db.all(WatermarkRow, `SELECT reader, watermark FROM ${inboxWatermarksTable}`)
    return {
      version: 1,
      newestEventId: yield* newestEventId(db),
      eventCount: yield* storedEventCount(db),
      recentSessions,
      entryChanges,
      watermarks: Object.fromEntries(watermarks.map((row) => [row.reader, row.watermark])),
      usage: yield* recentUsage(db, actor, prices, now.getTime()),
      budgets: yield* readBudgetSnapshot(db, actor, now),
      hiveInUse: yield* hiveInUse(db, actor),
    } as const
  })
