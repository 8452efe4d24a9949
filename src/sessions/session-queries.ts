import { Effect, Schema } from "effect"
import { sessionModelsTable, sessionsTable } from "../projections/sessions.js"
import type { Db } from "../store/database.js"
import { Conditions, isoUtc, limitClause } from "../store/sql-fragments.js"
import { searchTerms } from "./search-terms.js"

/** The four token counts, their total and the cost, as every usage row carries them. */
export const tokenFields = {
  input_tokens: Schema.Number,
  output_tokens: Schema.Number,
  cache_write_tokens: Schema.Number,
  cache_read_tokens: Schema.Number,
  total_tokens: Schema.Number,
  cost_usd: Schema.Number,
}

/** A session as `sessions --json` prints it: the original tool's field names. */
export const SessionView = Schema.Struct({
  session_id: Schema.String,
  project: Schema.String,
  cwd: Schema.String,
  started_at: Schema.NullOr(Schema.String),
  ended_at: Schema.NullOr(Schema.String),
  duration_min: Schema.Number,
  models: Schema.String,
  ...tokenFields,
  message_count: Schema.Number,
  tool_call_count: Schema.Number,
  skills_used: Schema.String,
  git_branch: Schema.NullOr(Schema.String),
  cc_version: Schema.NullOr(Schema.String),
  title: Schema.NullOr(Schema.String),
  session_type: Schema.String,
  created_by: Schema.String,
  /** What Claude Code itself reported the session cost, when its transcript carried it. */
  cc_cost_usd: Schema.NullOr(Schema.Number),
})
export type SessionView = typeof SessionView.Type

export const SessionModelView = Schema.Struct({ session_id: Schema.String, model: Schema.String, ...tokenFields })
export type SessionModelView = typeof SessionModelView.Type

/** The token and cost columns as `--json` prints them (shared with `export`). */
export const tokenColumns = `input_tokens::DOUBLE AS input_tokens, output_tokens::DOUBLE AS output_tokens,
  cache_write_tokens::DOUBLE AS cache_write_tokens, cache_read_tokens::DOUBLE AS cache_read_tokens,
  total_tokens::DOUBLE AS total_tokens, cost_usd`

/** A session's columns as `sessions --json` prints them (shared with `export`). */
export const sessionColumns = `session_id, project, cwd, ${isoUtc("started_at")} AS started_at, ${isoUtc("ended_at")} AS ended_at,
  duration_min, models, ${tokenColumns}, message_count, tool_call_count, skills_used, git_branch, cc_version, title,
  session_type, created_by, cc_cost_usd`
const selectSessions = `SELECT ${sessionColumns} FROM ${sessionsTable}`
const newestFirst = "ORDER BY ended_at DESC NULLS LAST, session_id"

export interface SessionFilter {
  readonly search?: string | undefined
  readonly project?: string | undefined
  readonly since?: Date | undefined
  readonly until?: Date | undefined
  readonly limit?: number | undefined
}

/**
 * Newest first by end time. `search` is words and "quoted phrases", each to be found (ignoring
 * case) in the title, project, cwd or branch, in any order: `search` reads its query the same way.
 */
export const listSessions = (db: Db, filter: SessionFilter) => {
  const conditions = new Conditions()
  for (const term of searchTerms(filter.search ?? "")) {
    conditions.withParam(term, (text) =>
      `(${["coalesce(title, '')", "project", "cwd", "coalesce(git_branch, '')"].map((column) => `contains(lower(${column}), lower(${text}))`).join(" OR ")})`)
  }
  if (filter.project !== undefined) conditions.withParam(filter.project, (project) => `project = ${project}`)
  if (filter.since !== undefined) conditions.withParam(filter.since.toISOString(), (since) => `ended_at >= ${since}::TIMESTAMPTZ`)
  if (filter.until !== undefined) conditions.withParam(filter.until.toISOString(), (until) => `started_at < ${until}::TIMESTAMPTZ`)
  return db.all(
    SessionView,
    `${selectSessions} ${conditions.where} ${newestFirst} ${limitClause(filter.limit)}`,
    conditions.params,
  )
}

/** Sessions whose id is `idOrPrefix` or starts with it. */
export const sessionsMatching = (db: Db, idOrPrefix: string) =>
  db.all(SessionView, `${selectSessions} WHERE starts_with(session_id, $1) ORDER BY session_id`, [idOrPrefix.trim()]).pipe(
    Effect.map((rows) => rows.find((row) => row.session_id === idOrPrefix.trim()) ? rows.filter((row) => row.session_id === idOrPrefix.trim()) : rows),
  )

export const sessionModels = (db: Db, sessionId: string) =>
  db.all(SessionModelView, `SELECT session_id, model, ${tokenColumns} FROM ${sessionModelsTable} WHERE session_id = $1 ORDER BY cost_usd DESC, model`, [sessionId])

/** Every session with what the browser needs, newest first. */
export const BrowserSessionRow = Schema.Struct({
  session_id: Schema.String,
  title: Schema.NullOr(Schema.String),
  project: Schema.String,
  cwd: Schema.String,
  ended_at: Schema.NullOr(Schema.String),
  duration_min: Schema.Number,
  total_tokens: Schema.Number,
  cost_usd: Schema.Number,
  created_by: Schema.String,
  transcript_path: Schema.NullOr(Schema.String),
})

export const browserSessions = (db: Db) =>
  db.all(
    BrowserSessionRow,
    `SELECT session_id, title, project, cwd, ${isoUtc("ended_at")} AS ended_at, duration_min, total_tokens::DOUBLE AS total_tokens,
       cost_usd, created_by, transcript_path FROM ${sessionsTable} ${newestFirst}`,
  )

/** Every session, newest first, with where its transcript was: what the search index holds. */
const IndexableSessionRow = Schema.Struct({ ...SessionView.fields, transcript_path: Schema.NullOr(Schema.String) })

export const indexableSessions = (db: Db) =>
  db.all(IndexableSessionRow, `SELECT ${sessionColumns}, transcript_path FROM ${sessionsTable} ${newestFirst}`)
