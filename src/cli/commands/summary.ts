import { Command, Options } from "@effect/cli"
import { Console, Effect, Option, Schema } from "effect"
import { modelFamily } from "../../sessions/model-family.js"
import { checkTimeZone, periods, UsageRow, usageSummary } from "../../sessions/usage-summary.js"
import { humanCount, humanUsd } from "../../snapshot/banner-text.js"
import { LocalStore } from "../../local-store/local-store.js"
import { dateOption, optionalValue } from "../date-option.js"
import { printJson } from "../output.js"
import { renderTable } from "../text-table.js"
import { json } from "../shared-options.js"

const period = Options.choice("period", periods).pipe(Options.withDefault("d" as const), Options.withDescription("h: hours, d: days, m: months."))
const metric = Options.choice("metric", ["tokens", "cost"] as const).pipe(Options.withDefault("tokens" as const))
const since = dateOption("since", "From this date (by the time of each API response).")
const until = dateOption("until", "Before this date.")
const timeZone = Options.text("timezone").pipe(Options.optional, Options.withDescription("IANA time zone for the periods (default: this machine's)."))

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export const summaryCommand = Command.make("summary", { period, metric, since, until, timeZone, json }, (args) =>
  Effect.gen(function* () {
    const zone = yield* checkTimeZone(Option.getOrElse(args.timeZone, localZone))
    const rows = yield* (yield* LocalStore).read((db) =>
      usageSummary(db, { period: args.period, timeZone: zone, since: optionalValue(args.since), until: optionalValue(args.until) })
    )
    if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(UsageRow))(rows))
    if (rows.length === 0) return yield* Console.log("No usage recorded in this range.")
    const value = (row: UsageRow) => (args.metric === "cost" ? row.cost_usd : row.total_tokens)
    const show = (amount: number) => (args.metric === "cost" ? humanUsd(amount) : humanCount(amount))
    const byPeriod = new Map<string, Array<UsageRow>>()
    for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row])
    yield* Console.log(renderTable(
      ["PERIOD", args.metric === "cost" ? "COST" : "TOKENS", "BY MODEL"],
      [...byPeriod].map(([name, models]) => [
        name,
        show(models.reduce((total, row) => total + value(row), 0)),
        models.sort((a, b) => value(b) - value(a)).map((row) => `${modelFamily(row.model)} ${show(value(row))}`).join(" · "),
      ]),
    ))
  })).pipe(Command.withDescription("Tokens or cost per hour, day or month, per model, by the time of each API response."))
