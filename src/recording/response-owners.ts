import { Effect, Schema } from "effect"
import type { SessionRecorded } from "../events/domain-event.js"
import { isOf, readDecoded } from "../projections/decoded-events.js"
import type { Db } from "../store/database.js"
import { replaceRows } from "../store/insert-rows.js"
import { inKeys } from "../store/sql-fragments.js"
import type { CountedResponse } from "../transcript/session-accumulator.js"
import { createTableFilledByRecording } from "./transcript-fingerprints.js"
import { type RecordingRules, type SessionRecording, tokenFigures } from "./session-recording.js"

/**
 * A fork or a resume can copy earlier API responses into another session's file, sometimes with
 * no marker at all; each response is still billed once. This local table (never synced) keeps
 * every response each recorded session holds, with its usage, so that each one is counted for a
 * single owner: the holder whose copy has the earliest timestamp, then one not marked as a copy,
 * then the smallest session id. The owner depends only on which sessions hold the response, so
 * recording sessions one by one in any order, or all at once, ends in the same totals.
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

const ddl = `CREATE TABLE IF NOT EXISTS response_claims (${
  Object.entries(claimColumns).map(([name, type]) => `${name} ${type} NOT NULL`).join(", ")
})`

/** Creates the table; the first backfill after it is new reads every session again to fill it. */
export const ensureResponseClaims = (db: Db) => createTableFilledByRecording(db, "response_claims", ddl)

const SessionIdRow = Schema.Struct({ session_id: Schema.String })
const LostRow = Schema.Struct({ session_id: Schema.String, response_key: Schema.String })
const ClaimRow = Schema.Struct({
  response_key: Schema.String,
  session_id: Schema.String,
  written_at: Schema.String,
  copied: Schema.Boolean,
  model: Schema.String,
  input_tokens: Schema.Number,
  output_tokens: Schema.Number,
  cache_write_5m_tokens: Schema.Number,
  cache_write_1h_tokens: Schema.Number,
  cache_read_tokens: Schema.Number,
})

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

const asResponse = (row: typeof ClaimRow.Type): CountedResponse => ({
  key: row.response_key,
  model: row.model,
  timestamp: row.written_at,
  copied: row.copied,
  usage: {
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cacheWrite5mTokens: row.cache_write_5m_tokens,
    cacheWrite1hTokens: row.cache_write_1h_tokens,
    cacheReadTokens: row.cache_read_tokens,
  },
})

/** Other sessions holding a response one of `sessionIds` holds. */
const sharingSessions = (db: Db, sessionIds: string) =>
  db.all(
    SessionIdRow,
    `SELECT DISTINCT session_id FROM response_claims
     WHERE response_key IN (SELECT response_key FROM response_claims WHERE ${inKeys("session_id")})
       AND NOT ${inKeys("session_id")}`,
    [sessionIds],
  ).pipe(Effect.map((rows) => rows.map((row) => row.session_id)))

/** The responses each of `sessionIds` holds but another session owns. */
const lostResponses = (db: Db, sessionIds: string) =>
  db.all(
    LostRow,
    `WITH ranked AS (
       SELECT session_id, response_key,
         row_number() OVER (PARTITION BY response_key ORDER BY written_at, copied, session_id) AS rank
       FROM response_claims
       WHERE response_key IN (SELECT response_key FROM response_claims WHERE ${inKeys("session_id")})
     )
     SELECT session_id, response_key FROM ranked WHERE rank > 1 AND ${inKeys("session_id")}`,
    [sessionIds],
  ).pipe(Effect.map((rows) => {
    const lost = new Map<string, Set<string>>()
    for (const row of rows) lost.set(row.session_id, (lost.get(row.session_id) ?? new Set()).add(row.response_key))
    return lost
  }))

const withFigures = (event: SessionRecorded, responses: ReadonlyArray<CountedResponse>, rules: RecordingRules) => {
  const { hourlyUsage, models, unknownModels } = tokenFigures(responses, rules, event.startedAt)
  return { event: { ...event, models, hourlyUsage }, unknownModels }
}

/** Recorded sessions outside the batch whose owned responses changed: their latest recording with new figures. */
const rerecordings = (db: Db, sessionIds: ReadonlyArray<string>, lost: Map<string, Set<string>>, rules: RecordingRules) =>
  Effect.gen(function* () {
    if (sessionIds.length === 0) return []
    const ids = JSON.stringify(sessionIds)
    const latest = new Map<string, SessionRecorded>()
    for (const { event } of (yield* readDecoded(db, { types: ["SessionRecorded"], entityIds: sessionIds })).filter(isOf("SessionRecorded"))) {
      latest.set(event.sessionId, event)
    }
    const columns = Object.entries(claimColumns).map(([name, type]) => (type === "BIGINT" ? `${name}::DOUBLE AS ${name}` : name))
    const claims = yield* db.all(ClaimRow, `SELECT ${columns.join(", ")} FROM response_claims WHERE ${inKeys("session_id")}`, [ids])
    return [...latest.values()].map((event): SessionRecording => {
      const owned = claims
        .filter((row) => row.session_id === event.sessionId && !(lost.get(event.sessionId)?.has(row.response_key) ?? false))
        .map(asResponse)
      return { ...withFigures(event, owned, rules), malformedLines: 0, responses: [], toolCalls: [] }
    })
  })

/**
 * Stores the responses of freshly parsed sessions and applies the ownership rule: returns their
 * recordings counting only what they own, plus new recordings of already recorded sessions that
 * gained or lost a response because of them.
 */
export const settleOwnership = (db: Db, recordings: ReadonlyArray<SessionRecording>, rules: RecordingRules) =>
  Effect.gen(function* () {
    if (recordings.length === 0) return recordings
    const batch = recordings.map((recording) => recording.event.sessionId as string)
    const batchIds = JSON.stringify(batch)
    const sharedBefore = yield* sharingSessions(db, batchIds)
    yield* db.transaction(replaceRows(
      db,
      "response_claims",
      "session_id",
      batch,
      claimColumns,
      recordings.flatMap((recording) => recording.responses.map((response) => claimRow(recording.event.sessionId, response))),
    ))
    const others = [...new Set([...sharedBefore, ...(yield* sharingSessions(db, batchIds))])]
    const lost = yield* lostResponses(db, JSON.stringify([...batch, ...others]))
    const settled = recordings.map((recording) => {
      const lostHere = lost.get(recording.event.sessionId)
      if (lostHere === undefined) return recording
      const owned = recording.responses.filter((response) => !lostHere.has(response.key))
      return { ...recording, ...withFigures(recording.event, owned, rules) }
    })
    return [...settled, ...(yield* rerecordings(db, others, lost, rules))]
  })
