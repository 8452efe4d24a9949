import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import { Conditions } from "../store/sql-fragments.js"

export const periods = ["h", "d", "m"] as const
export type Period = (typeof periods)[number]

const periodFormat: Record<Period, string> = { h: "%Y-%m-%dT%H", d: "%Y-%m-%d", m: "%Y-%m" }

/** Usage of one model in one period: `summary --json` prints a list of these. */
export const UsageRow = Schema.Struct({
  period: Schema.String,
  model: Schema.String,
  input_tokens: Schema.Number,
  output_tokens: Schema.Number,
  cache_write_tokens: Schema.Number,
  cache_read_tokens: Schema.Number,
  total_tokens: Schema.Number,
  cost_usd: Schema.Number,
})
export type UsageRow = typeof UsageRow.Type

export class UnknownTimeZone extends Schema.TaggedError<UnknownTimeZone>()("UnknownTimeZone", { timeZone: Schema.String }) {
  override get message() {
    return `unknown time zone "${this.timeZone}"; use an IANA name such as UTC, Europe/Berlin or America/New_York`
  }
}

export const checkTimeZone = (timeZone: string) =>
  Effect.try({
    try: () => new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone,
    catch: () => new UnknownTimeZone({ timeZone }),
  })

export interface SummaryFilter {
  readonly period: Period
  readonly timeZone: string
  readonly since?: Date | undefined
  readonly until?: Date | undefined
}

/**
 * Usage bucketed by the time of each API response (not by session end), per model. Buckets are
 * recorded per UTC hour, so zones offset by whole hours are exact.
 */
export const usageSummary = (db: Db, filter: SummaryFilter) => {
  const conditions = new Conditions()
  if (filter.since !== undefined) conditions.withParam(filter.since.toISOString(), (since) => `hour >= ${since}::TIMESTAMPTZ`)
  if (filter.until !== undefined) conditions.withParam(filter.until.toISOString(), (until) => `hour < ${until}::TIMESTAMPTZ`)
  const zone = conditions.params.push(filter.timeZone)
  return db.all(
    UsageRow,
    `SELECT strftime(hour AT TIME ZONE $${zone}, '${periodFormat[filter.period]}') AS period, model,
       sum(input_tokens)::DOUBLE AS input_tokens, sum(output_tokens)::DOUBLE AS output_tokens,
       sum(cache_write_tokens)::DOUBLE AS cache_write_tokens, sum(cache_read_tokens)::DOUBLE AS cache_read_tokens,
       sum(total_tokens)::DOUBLE AS total_tokens, round(sum(cost_usd), 6) AS cost_usd
     FROM session_usage_hourly ${conditions.where}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    conditions.params,
  )
}
