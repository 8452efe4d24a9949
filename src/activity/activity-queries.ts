import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import { Conditions, isoUtc } from "../store/sql-fragments.js"
import { activityTable } from "../recording/activity-table.js"

/** One tool call as `activity --json` prints it. */
export const ActivityCall = Schema.Struct({
  session_id: Schema.String,
  seq: Schema.Number,
  called_at: Schema.NullOr(Schema.String),
  tool: Schema.String,
  target: Schema.NullOr(Schema.String),
  errored: Schema.Boolean,
  in_subagent: Schema.Boolean,
  project: Schema.String,
  cwd: Schema.String,
})
export type ActivityCall = typeof ActivityCall.Type

export interface ActivityFilter {
  readonly sessionId?: string | undefined
  readonly since?: Date | undefined
  readonly until?: Date | undefined
  readonly project?: string | undefined
  readonly tool?: string | undefined
}

/** The calls the filter selects, in the order they were made. */
export const readCalls = (db: Db, filter: ActivityFilter) => {
  const conditions = new Conditions()
  if (filter.sessionId !== undefined) conditions.withParam(filter.sessionId, (id) => `session_id = ${id}`)
  if (filter.project !== undefined) conditions.withParam(filter.project, (project) => `project = ${project}`)
  if (filter.tool !== undefined) conditions.withParam(filter.tool, (tool) => `lower(tool) = lower(${tool})`)
  conditions.withMoment(filter.since, (since) => `called_at >= ${since}`)
  conditions.withMoment(filter.until, (until) => `called_at < ${until}`)
  return db.all(
    ActivityCall,
    `SELECT session_id, seq, ${isoUtc("called_at")} AS called_at, tool, target, errored, in_subagent, project, cwd
     FROM ${activityTable} ${conditions.where} ORDER BY called_at NULLS LAST, session_id, seq`,
    conditions.params,
  )
}

const Counts = Schema.Struct({ files_changed: Schema.Number, commands: Schema.Number })

/** Distinct files a session changed and the commands it ran. */
export const sessionCounts = (db: Db, sessionId: string) =>
  db.all(
    Counts,
    `SELECT count(DISTINCT target) FILTER (WHERE tool IN ('Write', 'Edit', 'MultiEdit', 'NotebookEdit'))::INTEGER AS files_changed,
       count(*) FILTER (WHERE tool = 'Bash')::INTEGER AS commands
     FROM ${activityTable} WHERE session_id = $1`,
    [sessionId],
  ).pipe(Effect.map((rows) => rows[0] ?? { files_changed: 0, commands: 0 }))
