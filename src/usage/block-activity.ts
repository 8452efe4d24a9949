import { Effect, Schema } from "effect"
import { UsageTotals } from "../projections/session-rows.js"
import { sessionsTable, sessionUsageHourlyTable } from "../projections/sessions.js"
import type { Db } from "../store/database.js"
import { Conditions } from "../store/sql-fragments.js"
import { selectList } from "../store/table-columns.js"
import { costUsd, type PriceTable, priceOf } from "../transcript/pricing.js"
import { claimTokenFields, claimUsage, ownerRank, responseClaimsTable } from "./response-claims.js"
import type { UsageActivity } from "./usage-blocks.js"

export interface ActivityFilter {
  readonly since?: Date | undefined
  /** Only sessions this user recorded; undefined: everyone's. */
  readonly createdBy?: string | undefined
}

const ResponseRow = Schema.Struct({ at: Schema.Number, model: Schema.String, ...claimTokenFields })
const hourTotals = UsageTotals.omit("total_tokens")
const HourRow = Schema.Struct({ at: Schema.Number, model: Schema.String, ...hourTotals.fields })

const sessionConditions = (filter: ActivityFilter) => {
  const conditions = new Conditions()
  if (filter.createdBy !== undefined) conditions.withParam(filter.createdBy, (user) => `s.created_by = ${user}`)
  return conditions
}

/**
 * Each response this device recorded, at its own time, counted once (for the session that owns
 * it, as the session totals count it). The local response table keeps them with their usage.
 */
const responsesHere = (db: Db, filter: ActivityFilter, prices: PriceTable) =>
  Effect.gen(function* () {
    const conditions = sessionConditions(filter)
    const since = filter.since === undefined ? "" : conditions.params.push(filter.since.toISOString())
    // Every holder of a response takes part in the ranking, so a copy never stands in for an owner older than `since`.
    const recent = since === "" ? "" : `WHERE response_key IN (SELECT response_key FROM ${responseClaimsTable} WHERE written_at >= $${since})`
    const rows = yield* db.all(
      ResponseRow,
      `WITH ranked AS (
         SELECT *, ${ownerRank} AS rank
         FROM ${responseClaimsTable} ${recent}
       )
       SELECT epoch_ms(coalesce(TRY_CAST(r.written_at AS TIMESTAMPTZ), s.started_at))::DOUBLE AS at, r.model,
         ${selectList(claimTokenFields, "r")}
       FROM ranked r JOIN ${sessionsTable} s USING (session_id)
       ${conditions.withSql("r.rank = 1").where}${since === "" ? "" : ` AND r.written_at >= $${since}`}`,
      conditions.params,
    )
    return rows.flatMap((row): Array<UsageActivity> => {
      if (!Number.isFinite(row.at)) return []
      const price = priceOf(prices, row.model)
      return [{
        at: row.at,
        model: row.model,
        input_tokens: row.input_tokens,
        output_tokens: row.output_tokens,
        cache_write_tokens: row.cache_write_5m_tokens + row.cache_write_1h_tokens,
        cache_read_tokens: row.cache_read_tokens,
        cost_usd: price === undefined ? 0 : costUsd(price, claimUsage(row)),
      }]
    })
  })

/**
 * Sessions recorded on other devices (or imported) carry only hourly usage: each hour counts as
 * one activity at its start, so their blocks start at the right hour, while pauses and the last
 * activity are known to the hour only.
 */
const hoursElsewhere = (db: Db, filter: ActivityFilter) => {
  const conditions = sessionConditions(filter).withSql(`u.session_id NOT IN (SELECT DISTINCT session_id FROM ${responseClaimsTable})`)
  conditions.withMoment(filter.since, (since) => `u.hour >= date_trunc('hour', ${since})`)
  return db.all(
    HourRow,
    `SELECT epoch_ms(u.hour)::DOUBLE AS at, u.model, ${selectList(hourTotals.fields, "u")}
     FROM ${sessionUsageHourlyTable} u JOIN ${sessionsTable} s USING (session_id) ${conditions.where}`,
    conditions.params,
  )
}

/** Every counted response (or hour of them) of the filter's sessions, in no particular order. */
export const usageActivities = (db: Db, filter: ActivityFilter, prices: PriceTable) =>
  Effect.zipWith(responsesHere(db, filter, prices), hoursElsewhere(db, filter), (here, elsewhere): ReadonlyArray<UsageActivity> => [...here, ...elsewhere])
