import { SessionRow } from "../projections/session-rows.js"

/** A session as the session-start snapshot keeps it, for `recent` and the banner. */
export const RecentSession = SessionRow.pick("session_id", "title", "project", "ended_at", "duration_min", "total_tokens", "cost_usd")
export type RecentSession = typeof RecentSession.Type
