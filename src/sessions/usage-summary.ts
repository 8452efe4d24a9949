import { Effect, Schema } from "effect"
import { sessionsTable, sessionUsageHourlyTable } from "../projections/sessions.js"
import type { Db } from "../store/database.js"
import { Conditions } from "../store/sql-fragments.js"
import { tokenFields } from "./session-queries.js"

export const periods = ["h", "d", "m"] as const
export type Period = (typeof periods)[number]

const periodFormat: Record<Period, string> = { h: "%Y-%m-%dT%H", d: "%Y-%m-%d", m: "%Y-%m" }

/** Usage of one model in one period: `summary --json` prints a list of these. */
export const UsageRow = Schema.Struct({ period: Schema.String, model: Schema.String, ...tokenFields })
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
     FROM ${sessionUsageHourlyTable} ${conditions.where}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    conditions.params,
  )
}

const ProjectRow = Schema.Struct({ project: Schema.String, total_tokens: Schema.Number, cost_usd: Schema.Number })

/** The same usage per project, largest first. */
export const usageByProject = (db: Db, filter: Omit<SummaryFilter, "period" | "timeZone">) => {
  const conditions = new Conditions()
  if (filter.since !== undefined) conditions.withParam(filter.since.toISOString(), (since) => `u.hour >= ${since}::TIMESTAMPTZ`)
  if (filter.until !== undefined) conditions.withParam(filter.until.toISOString(), (until) => `u.hour < ${until}::TIMESTAMPTZ`)
  return db.all(
    ProjectRow,
    `SELECT s.project, sum(u.total_tokens)::DOUBLE AS total_tokens, round(sum(u.cost_usd), 6) AS cost_usd
     FROM ${sessionUsageHourlyTable} u JOIN ${sessionsTable} s USING (session_id) ${conditions.where}
     GROUP BY 1 ORDER BY 2 DESC`,
    conditions.params,
  )
}

const RangeRow = Schema.Struct({ since: Schema.NullOr(Schema.String), until: Schema.NullOr(Schema.String), label: Schema.NullOr(Schema.String) })
const rangeUnit: Record<Period, { readonly unit: string; readonly label: string }> = {
  h: { unit: "day", label: "%Y-%m-%d" },
  d: { unit: "month", label: "%Y-%m" },
  m: { unit: "year", label: "%Y" },
}

/**
 * The whole span the Summary screen shows for a period, around the newest usage: the hours of
 * that day, the days of that month, or the months of that year, in the user's time zone.
 */
export const summaryRange = (db: Db, period: Period, timeZone: string) => {
  const { label, unit } = rangeUnit[period]
  return db.all(
    RangeRow,
    `WITH local AS (SELECT date_trunc('${unit}', max(hour) AT TIME ZONE $1) AS start FROM ${sessionUsageHourlyTable})
     SELECT strftime((start AT TIME ZONE $1) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS since,
       strftime(((start + INTERVAL 1 ${unit}) AT TIME ZONE $1) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS until,
       strftime(start, '${label}') AS label
     FROM local`,
    [timeZone],
  ).pipe(Effect.map((rows) => rows[0]))
}

/** Every bucket of a range, empty ones too: the 24 hours of a day, the days of a month, the 12 months of a year. */
export const bucketLabels = (period: Period, rangeLabel: string): ReadonlyArray<string> => {
  const two = (value: number) => String(value).padStart(2, "0")
  if (period === "h") return Array.from({ length: 24 }, (_, hour) => `${rangeLabel}T${two(hour)}`)
  if (period === "m") return Array.from({ length: 12 }, (_, month) => `${rangeLabel}-${two(month + 1)}`)
  const [year, month] = rangeLabel.split("-").map(Number)
  const days = year === undefined || month === undefined ? 0 : new Date(Date.UTC(year, month, 0)).getUTCDate()
  return Array.from({ length: days }, (_, day) => `${rangeLabel}-${two(day + 1)}`)
}
