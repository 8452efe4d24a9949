import { Effect } from "effect"
import { createTableIfMissing } from "../store/create-table.js"
import type { Db } from "../store/database.js"
import { replaceRowsAppending } from "../store/insert-rows.js"
import type { ToolCall } from "../transcript/tool-calls.js"

/**
 * Every tool call of every recorded session: which files Claude read and changed, which commands
 * it ran, which URLs it fetched. Paths and commands can be sensitive, so this table is local
 * only: recording and backfill maintain it, no event carries it, sync never reads it.
 */
export const activityTable = "activity_calls"

export const activityColumns = {
  session_id: "VARCHAR",
  seq: "INTEGER",
  tool_use_id: "VARCHAR",
  called_at: "TIMESTAMPTZ",
  tool: "VARCHAR",
  target: "VARCHAR",
  errored: "BOOLEAN",
  in_subagent: "BOOLEAN",
  project: "VARCHAR",
  cwd: "VARCHAR",
} as const

const ddl = `CREATE TABLE IF NOT EXISTS ${activityTable} (${
  Object.entries(activityColumns).map(([name, type]) => `${name} ${type}`).join(", ")
})`

/** Creates the table if missing; true when it was created now (sessions recorded before have no rows). */
export const ensureActivityTable = (db: Db) => createTableIfMissing(db, activityTable, ddl)

/** A freshly parsed session: where it ran and the calls its files hold. */
export interface SessionActivity {
  readonly sessionId: string
  readonly project: string
  readonly cwd: string
  readonly toolCalls: ReadonlyArray<ToolCall>
}

/** Replaces the activity of these sessions with what their files hold now. */
export const storeActivity = (db: Db, sessions: ReadonlyArray<SessionActivity>) =>
  sessions.length === 0 ? Effect.void : db.transaction(replaceRowsAppending(
    db,
    activityTable,
    "session_id",
    sessions.map((session) => session.sessionId),
    activityColumns,
    sessions.flatMap((session) =>
      session.toolCalls.map((call, seq) => ({
        session_id: session.sessionId,
        seq,
        tool_use_id: call.toolUseId,
        called_at: call.calledAt !== null && Number.isFinite(Date.parse(call.calledAt)) ? call.calledAt : null,
        tool: call.tool,
        target: call.target,
        errored: call.errored,
        in_subagent: call.inSubagent,
        project: session.project,
        cwd: session.cwd,
      }))
    ),
  ))
