import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import { replaceRows } from "../store/insert-rows.js"
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

const Count = Schema.Struct({ n: Schema.Number })

/**
 * Creates the table. When it is new, sessions recorded before it existed have no activity rows:
 * their backfill fingerprints are dropped so the next backfill reads them again (once).
 */
export const ensureActivityTable = (db: Db) =>
  Effect.gen(function* () {
    const [existing] = yield* db.all(Count, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${activityTable}'`)
    if ((existing?.n ?? 0) > 0) return
    yield* db.transaction(db.run(ddl).pipe(Effect.zipRight(db.run(`DELETE FROM transcript_fingerprints`))))
  })

/** A freshly parsed session: where it ran and the calls its files hold. */
export interface SessionActivity {
  readonly sessionId: string
  readonly project: string
  readonly cwd: string
  readonly toolCalls: ReadonlyArray<ToolCall>
}

/** Replaces the activity of these sessions with what their files hold now. */
export const storeActivity = (db: Db, sessions: ReadonlyArray<SessionActivity>) =>
  sessions.length === 0 ? Effect.void : db.transaction(replaceRows(
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
