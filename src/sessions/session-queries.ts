import { Effect } from "effect"
import { SessionModelRow, SessionRow } from "../projections/session-rows.js"
import { sessionModelsTable, sessionsTable } from "../projections/sessions.js"
import type { Db } from "../store/database.js"
import { Conditions, limitClause } from "../store/sql-fragments.js"
import { selectList } from "../store/table-columns.js"
import { searchTerms } from "./search-terms.js"

/** A session as `sessions --json` prints it: the original tool's field names. */
export const SessionView = SessionRow.omit("device_id", "transcript_path", "last_event_id")
export type SessionView = typeof SessionView.Type

const selectSessions = `SELECT ${selectList(SessionView.fields)} FROM ${sessionsTable}`
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
  conditions.withMoment(filter.since, (since) => `ended_at >= ${since}`)
  conditions.withMoment(filter.until, (until) => `started_at < ${until}`)
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
  db.all(SessionModelRow, `SELECT ${selectList(SessionModelRow.fields)} FROM ${sessionModelsTable} WHERE session_id = $1 ORDER BY cost_usd DESC, model`, [sessionId])

/** Every session with what the browser needs, newest first. */
export const BrowserSessionRow = SessionRow.pick(
  "session_id",
  "title",
  "project",
  "cwd",
  "ended_at",
  "duration_min",
  "total_tokens",
  "cost_usd",
  "created_by",
  "transcript_path",
)
export type BrowserSessionRow = typeof BrowserSessionRow.Type

export const browserSessions = (db: Db) =>
  db.all(BrowserSessionRow, `SELECT ${selectList(BrowserSessionRow.fields)} FROM ${sessionsTable} ${newestFirst}`)

/** Every session, newest first, with where its transcript was: what the search index holds. */
const IndexableSessionRow = SessionRow.omit("device_id", "last_event_id")

export const indexableSessions = (db: Db) =>
  db.all(IndexableSessionRow, `SELECT ${selectList(IndexableSessionRow.fields)} FROM ${sessionsTable} ${newestFirst}`)
