import { Command, Options } from "@effect/cli"
import { Console, Effect, Option, Schema } from "effect"
import { UsageTotals } from "../../projections/session-rows.js"
import { modelFamily } from "../../sessions/model-family.js"
import { checkTimeZone, reportPeriods, UsageRow, usageSummary, weekStarts } from "../../sessions/usage-summary.js"
import { humanCount, humanUsd } from "../../snapshot/banner-text.js"
import { LocalStore } from "../../local-store/local-store.js"
import { csvRecord } from "../csv-text.js"
import { dateOption, optionalValue } from "../date-option.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"
import { renderTable } from "../text-table.js"
import { whoseUsage } from "../whose-usage-option.js"

const period = Options.choice("period", reportPeriods).pipe(
  Options.withDefault("d" as const),
  Options.withDescription("h: hours, d: days, w: weeks (ISO, from Monday; named by their first day), m: months."),
)
const startOfWeek = Options.choice("start-of-week", weekStarts).pipe(Options.withDefault("monday" as const), Options.withDescription("The day weeks start on, for --period w."))
const metric = Options.choice("metric", ["tokens", "cost"] as const).pipe(Options.withDefault("tokens" as const))
const since = dateOption("since", "From this date (by the time of each API response).")
const until = dateOption("until", "Before this date.")
const timeZone = Options.text("timezone").pipe(Options.optional, Options.withDescription("IANA time zone for the periods (default: this machine's)."))
const project = Options.text("project").pipe(Options.optional, Options.withDescription("Only sessions of this project (directory name)."))
const model = Options.text("model").pipe(Options.optional, Options.withDescription("Only models whose id contains this, in any case (opus, claude-sonnet-4-5)."))
const breakdown = Options.boolean("breakdown").pipe(Options.withDescription("A row per model under each period, with the tokens by component."))
const csv = Options.boolean("csv").pipe(Options.withDescription("Print CSV (a record per period and model) instead of text."))

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

const tokenColumns = Object.keys(UsageTotals.fields) as ReadonlyArray<keyof UsageTotals>

const byPeriod = (rows: ReadonlyArray<UsageRow>) => {
  const periods = new Map<string, Array<UsageRow>>()
  for (const row of rows) periods.set(row.period, [...(periods.get(row.period) ?? []), row])
  return periods
}

const sum = (rows: ReadonlyArray<UsageRow>, column: keyof UsageTotals) => rows.reduce((total, row) => total + row[column], 0)

/** One row per period, its models on one line, largest first. */
const periodTable = (rows: ReadonlyArray<UsageRow>, metric: "tokens" | "cost") => {
  const column = metric === "cost" ? "cost_usd" : "total_tokens"
  const show = (amount: number) => (metric === "cost" ? humanUsd(amount) : humanCount(amount))
  return renderTable(
    ["PERIOD", metric === "cost" ? "COST" : "TOKENS", "BY MODEL"],
    [...byPeriod(rows)].map(([name, models]) => [
      name,
      show(sum(models, column)),
      [...models].sort((a, b) => b[column] - a[column]).map((row) => `${modelFamily(row.model)} ${show(row[column])}`).join(" · "),
    ]),
  )
}

/** Each period's total, then a row per model under it, with every token component and the cost. */
const breakdownTable = (rows: ReadonlyArray<UsageRow>) => {
  const figures = (models: ReadonlyArray<UsageRow>) => [
    ...tokenColumns.filter((column) => column !== "cost_usd").map((column) => humanCount(sum(models, column))),
    humanUsd(sum(models, "cost_usd")),
  ]
  return renderTable(
    ["PERIOD", "MODEL", "INPUT", "OUTPUT", "CACHE WRITE", "CACHE READ", "TOTAL", "COST"],
    [...byPeriod(rows)].flatMap(([name, models]) => [
      [name, "all", ...figures(models)],
      ...[...models].sort((a, b) => b.cost_usd - a.cost_usd).map((row) => ["", `  ${modelFamily(row.model)}`, ...figures([row])]),
    ]),
  )
}

const csvText = (rows: ReadonlyArray<UsageRow>) =>
  [csvRecord(["period", "model", ...tokenColumns]), ...rows.map((row) => csvRecord([row.period, row.model, ...tokenColumns.map((column) => row[column])]))].join("\n")

export const summaryCommand = Command.make(
  "summary",
  { period, startOfWeek, metric, since, until, timeZone, project, model, whose: whoseUsage, breakdown, json, csv },
  (args) =>
    Effect.gen(function* () {
      const zone = yield* checkTimeZone(Option.getOrElse(args.timeZone, localZone))
      const rows = yield* (yield* LocalStore).read((db) =>
        usageSummary(db, {
          period: args.period,
          weekStart: args.startOfWeek,
          timeZone: zone,
          since: optionalValue(args.since),
          until: optionalValue(args.until),
          project: optionalValue(args.project),
          model: optionalValue(args.model),
          createdBy: args.whose,
        })
      )
      if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(UsageRow))(rows))
      if (args.csv) return yield* Console.log(csvText(rows))
      if (rows.length === 0) return yield* Console.log("No usage recorded in this range.")
      yield* Console.log(args.breakdown ? breakdownTable(rows) : periodTable(rows, args.metric))
    }),
).pipe(Command.withDescription("Tokens or cost per hour, day, week or month, per model, by the time of each API response; yours unless --user or --all-users."))
