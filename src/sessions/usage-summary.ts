import { Effect, Schema } from "effect"
import { UsageTotals } from "../projections/session-rows.js"
import { sessionsTable, sessionUsageHourlyTable } from "../projections/sessions.js"
import type { Db } from "../store/database.js"
import { Conditions } from "../store/sql-fragments.js"
import { columnTypes } from "../store/table-columns.js"

/** The periods the Summary screen charts. */
export const periods = ["h", "d", "m"] as const
export type Period = (typeof periods)[number]

/** The periods `summary` reports: the screen's, and ISO weeks. */
export const reportPeriods = ["h", "d", "w", "m"] as const
export type ReportPeriod = (typeof reportPeriods)[number]

export const weekStarts = ["monday", "sunday"] as const
export type WeekStart = (typeof weekStarts)[number]

/** Usage of one model in one period: `summary --json` prints a list of these. */
export const UsageRow = Schema.Struct({ period: Schema.String, model: Schema.String, ...UsageTotals.fields })
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

/** Which usage a report counts; `createdBy` undefined counts everyone's. */
export interface UsageFilter {
  readonly since?: Date | undefined
  readonly until?: Date | undefined
  readonly project?: string | undefined
  /** Models whose id contains this, in any case: `opus`, `claude-sonnet-4-5`. */
  readonly model?: string | undefined
  readonly createdBy?: string | undefined
}

export interface SummaryFilter extends UsageFilter {
  readonly period: ReportPeriod
  readonly timeZone: string
  readonly weekStart?: WeekStart | undefined
}

/** The WHERE clause over the hourly usage `u` joined with its session `s`. */
const usageConditions = (filter: UsageFilter) => {
  const conditions = new Conditions()
  conditions.withMoment(filter.since, (since) => `u.hour >= ${since}`)
  conditions.withMoment(filter.until, (until) => `u.hour < ${until}`)
  if (filter.project !== undefined) conditions.withParam(filter.project, (project) => `s.project = ${project}`)
  if (filter.model !== undefined) conditions.withParam(filter.model, (model) => `contains(lower(u.model), lower(${model}))`)
  if (filter.createdBy !== undefined) conditions.withParam(filter.createdBy, (user) => `s.created_by = ${user}`)
  return conditions
}

/** The usage totals of `u`'s rows, read back as their schemas expect; costs to the micro-dollar. */
const usageSums = Object.entries(columnTypes(UsageTotals.fields))
  .map(([name, type]) => (type === "BIGINT" ? `sum(u.${name})::DOUBLE AS ${name}` : `round(sum(u.${name}), 6) AS ${name}`))
  .join(", ")

const usageFrom = `${sessionUsageHourlyTable} u JOIN ${sessionsTable} s USING (session_id)`

/** The SQL naming the period of `u.hour` in the zone held by placeholder `zone`; weeks by their first day. */
const periodLabel = (period: ReportPeriod, weekStart: WeekStart, zone: string): string => {
  const local = `(u.hour AT TIME ZONE ${zone})`
  if (period === "w") {
    // date_trunc('week') starts weeks on Monday (ISO); a Sunday week is the Monday week of the next day, a day earlier.
    const week = weekStart === "monday" ? `date_trunc('week', ${local})` : `date_trunc('week', ${local} + INTERVAL 1 DAY) - INTERVAL 1 DAY`
    return `strftime(${week}, '%Y-%m-%d')`
  }
  return `strftime(${local}, '${{ h: "%Y-%m-%dT%H", d: "%Y-%m-%d", m: "%Y-%m" }[period]}')`
}

/**
 * Usage bucketed by the time of each API response (not by session end), per model. Buckets are
 * recorded per UTC hour, so zones offset by whole hours are exact.
 */
export const usageSummary = (db: Db, filter: SummaryFilter) => {
  const conditions = usageConditions(filter)
  const zone = conditions.params.push(filter.timeZone)
  return db.all(
    UsageRow,
    `SELECT ${periodLabel(filter.period, filter.weekStart ?? "monday", `$${zone}`)} AS period, u.model AS model, ${usageSums}
     FROM ${usageFrom} ${conditions.where}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    conditions.params,
  )
}

const ProjectRow = Schema.Struct({ project: Schema.String, total_tokens: Schema.Number, cost_usd: Schema.Number })

/** The same usage per project, largest first. */
export const usageByProject = (db: Db, filter: UsageFilter) => {
  const conditions = usageConditions(filter)
  return db.all(
    ProjectRow,
    `SELECT s.project, sum(u.total_tokens)::DOUBLE AS total_tokens, round(sum(u.cost_usd), 6) AS cost_usd
     FROM ${usageFrom} ${conditions.where}
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
