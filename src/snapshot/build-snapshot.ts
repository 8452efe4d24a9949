import { Effect, Schema } from "effect"
import { newestEventId } from "../events/event-store.js"
import { inboxWatermarksTable } from "../projections/inbox-watermarks.js"
import { logEntriesTable } from "../projections/log-entries.js"
import { sessionsTable } from "../projections/sessions.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { isoUtc } from "../store/sql-fragments.js"
import { inboxChangesKept, recentSessionsKept, type SessionStartSnapshot } from "./session-start-snapshot.js"

const RecentSessionRow = Schema.Struct({
  session_id: Schema.String,
  title: Schema.NullOr(Schema.String),
  project: Schema.String,
  ended_at: Schema.NullOr(Schema.String),
  duration_min: Schema.Number,
  total_tokens: Schema.Number,
  cost_usd: Schema.Number,
})
const EntryChangeRow = Schema.Struct({ entryId: Schema.String, lastEventId: Schema.String, updatedBy: Schema.String })
const WatermarkRow = Schema.Struct({ reader: Schema.String, watermark: Schema.String })

/** Reads the session-start snapshot off the projections. */
export const buildSnapshot = (db: Db): Effect.Effect<SessionStartSnapshot, DatabaseFailed> =>
  Effect.gen(function* () {
    const recentSessions = yield* db.all(
      RecentSessionRow,
      `SELECT session_id, title, project, ${isoUtc("ended_at")} AS ended_at, duration_min,
         total_tokens::DOUBLE AS total_tokens, cost_usd
       FROM ${sessionsTable} ORDER BY ended_at DESC NULLS LAST, session_id LIMIT ${recentSessionsKept}`,
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
      recentSessions,
      entryChanges,
      watermarks: Object.fromEntries(watermarks.map((row) => [row.reader, row.watermark])),
    } as const
  })
