import { Effect, Schema } from "effect"
import { createTableIfMissing } from "../store/create-table.js"
import type { Db } from "../store/database.js"
import { replaceRowsAppending } from "../store/insert-rows.js"
import { inKeys } from "../store/sql-fragments.js"
import { column } from "../store/table-columns.js"
import type { CountedResponse } from "../transcript/session-accumulator.js"
import type { TokenUsage } from "../transcript/usage.js"

/**
 * Every API response each recorded session's files hold, with its time and usage: a local table
 * (never synced) that recording fills and usage reports read. A fork or a resume can copy a
 * response into another session's file, sometimes with no marker; it was billed once, so it
 * counts for one owner: the holder whose copy has the earliest timestamp, then one not marked as
 * a copy, then the smallest session id. `ownerRank` is that rule, in one place.
 */
const claimColumns = {
  response_key: "VARCHAR",
  session_id: "VARCHAR",
  written_at: "VARCHAR",
  copied: "BOOLEAN",
  model: "VARCHAR",
  input_tokens: "BIGINT",
  output_tokens: "BIGINT",
  cache_write_5m_tokens: "BIGINT",
  cache_write_1h_tokens: "BIGINT",
  cache_read_tokens: "BIGINT",
} as const

export const responseClaimsTable = "response_claims"

/** 1 for the response's owner among its holders, higher for the copies. */
export const ownerRank = "row_number() OVER (PARTITION BY response_key ORDER BY written_at, copied, session_id)"

const ddl = `CREATE TABLE IF NOT EXISTS ${responseClaimsTable} (${
  Object.entries(claimColumns).map(([name, type]) => `${name} ${type} NOT NULL`).join(", ")
})`

/** Creates the table if missing; true when it was created now (sessions recorded before hold no claims). */
export const ensureResponseClaims = (db: Db) => createTableIfMissing(db, responseClaimsTable, ddl)

const claimCount = column(Schema.Number, "BIGINT")

/** A claim's token counts as read back (`selectList` reads their BIGINT columns as doubles). */
export const claimTokenFields = {
  input_tokens: claimCount,
  output_tokens: claimCount,
  cache_write_5m_tokens: claimCount,
  cache_write_1h_tokens: claimCount,
  cache_read_tokens: claimCount,
}
type ClaimTokens = Schema.Struct.Type<typeof claimTokenFields>

/** A claim's token counts as the counting rules and prices name them. */
export const claimUsage = (row: ClaimTokens): TokenUsage => ({
  inputTokens: row.input_tokens,
  outputTokens: row.output_tokens,
  cacheWrite5mTokens: row.cache_write_5m_tokens,
  cacheWrite1hTokens: row.cache_write_1h_tokens,
  cacheReadTokens: row.cache_read_tokens,
})

const ClaimRow = Schema.Struct({
  response_key: Schema.String,
  session_id: Schema.String,
  written_at: Schema.String,
  copied: Schema.Boolean,
  model: Schema.String,
  ...claimTokenFields,
})

/** A session's claim on one response, as recording reads it back. */
export interface Claim {
  readonly sessionId: string
  readonly response: CountedResponse
}

const claimRow = (sessionId: string, response: CountedResponse) => ({
  response_key: response.key,
  session_id: sessionId,
  written_at: response.timestamp,
  copied: response.copied,
  model: response.model,
  input_tokens: response.usage.inputTokens,
  output_tokens: response.usage.outputTokens,
  cache_write_5m_tokens: response.usage.cacheWrite5mTokens,
  cache_write_1h_tokens: response.usage.cacheWrite1hTokens,
  cache_read_tokens: response.usage.cacheReadTokens,
})

const asClaim = (row: typeof ClaimRow.Type): Claim => ({
  sessionId: row.session_id,
  response: {
    key: row.response_key,
    model: row.model,
    timestamp: row.written_at,
    copied: row.copied,
    usage: claimUsage(row),
  },
})

/** Replaces the claims of these sessions with the responses their files hold now. */
export const replaceClaims = (db: Db, sessions: ReadonlyArray<{ readonly sessionId: string; readonly responses: ReadonlyArray<CountedResponse> }>) =>
  replaceRowsAppending(
    db,
    responseClaimsTable,
    "session_id",
    sessions.map((session) => session.sessionId),
    claimColumns,
    sessions.flatMap((session) => session.responses.map((response) => claimRow(session.sessionId, response))),
  )

const SessionIdRow = Schema.Struct({ session_id: Schema.String })

/** Other sessions holding a response one of `sessionIds` holds. */
export const sessionsSharingResponsesWith = (db: Db, sessionIds: ReadonlyArray<string>) =>
  db.all(
    SessionIdRow,
    `SELECT DISTINCT session_id FROM ${responseClaimsTable}
     WHERE response_key IN (SELECT response_key FROM ${responseClaimsTable} WHERE ${inKeys("session_id")})
       AND NOT ${inKeys("session_id")}`,
    [JSON.stringify(sessionIds)],
  ).pipe(Effect.map((rows) => rows.map((row) => row.session_id)))

const Exists = Schema.Struct({ found: Schema.Boolean })

/** Whether any session other than `sessionIds` holds claims (none in a store being created by a backfill). */
export const claimsHeldOutside = (db: Db, sessionIds: ReadonlyArray<string>) =>
  db.all(Exists, `SELECT EXISTS (SELECT 1 FROM ${responseClaimsTable} WHERE NOT ${inKeys("session_id")}) AS found`, [JSON.stringify(sessionIds)])
    .pipe(Effect.map((rows) => rows[0]?.found ?? false))

const LostRow = Schema.Struct({ session_id: Schema.String, response_key: Schema.String })

/** The responses of the claims `held` selects (SQL over $1) whose holder is not their owner, by holder. */
const ownedElsewhere = (db: Db, held: string, param: ReadonlyArray<string>) =>
  db.all(
    LostRow,
    `WITH ranked AS (SELECT session_id, response_key, ${ownerRank} AS rank FROM ${responseClaimsTable} WHERE ${held})
     SELECT session_id, response_key FROM ranked WHERE rank > 1`,
    [JSON.stringify(param)],
  ).pipe(Effect.map((rows) => {
    const lost = new Map<string, Set<string>>()
    for (const row of rows) lost.set(row.session_id, (lost.get(row.session_id) ?? new Set()).add(row.response_key))
    return lost
  }))

/** The responses each of `sessionIds` holds but another session owns, by session. */
export const responsesOwnedElsewhere = (db: Db, sessionIds: ReadonlyArray<string>) => {
  const wanted = new Set(sessionIds)
  return ownedElsewhere(db, `response_key IN (SELECT response_key FROM ${responseClaimsTable} WHERE ${inKeys("session_id")})`, sessionIds).pipe(
    Effect.map((lost) => new Map([...lost].filter(([sessionId]) => wanted.has(sessionId)))),
  )
}

/** Among the holders of these responses, those that do not own them, by holder. */
export const responsesOwnedElsewhereAmong = (db: Db, responseKeys: ReadonlyArray<string>) =>
  responseKeys.length === 0 ? Effect.succeed(new Map<string, Set<string>>()) : ownedElsewhere(db, inKeys("response_key"), responseKeys)

/** Every claim of these sessions. */
export const claimsOf = (db: Db, sessionIds: ReadonlyArray<string>) => {
  const columns = Object.entries(claimColumns).map(([name, type]) => (type === "BIGINT" ? `${name}::DOUBLE AS ${name}` : name))
  return db.all(ClaimRow, `SELECT ${columns.join(", ")} FROM ${responseClaimsTable} WHERE ${inKeys("session_id")}`, [
    JSON.stringify(sessionIds),
  ]).pipe(Effect.map((rows) => rows.map(asClaim)))
}
