import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Budgets } from "../../budgets/budgets-service.js"
import type { BudgetPeriod } from "../../events/domain-event.js"
import { type BudgetStanding, standingText, warnShare } from "../../snapshot/budget-standing.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"
import { renderTable } from "../text-table.js"

const project = Options.text("project").pipe(
  Options.optional,
  Options.withDescription("Only this project's spend (directory name); without it, all of your projects."),
)
const limitOf = (period: BudgetPeriod, what: string) =>
  Options.float(period).pipe(Options.optional, Options.withDescription(`Limit in USD for ${what}.`))
const clearFlag = (period: BudgetPeriod) => Options.boolean(period).pipe(Options.withDescription(`Clear the ${period} budget.`))

const setCommand = Command.make("set", {
  daily: limitOf("daily", "each day"),
  weekly: limitOf("weekly", "each week (from Monday)"),
  monthly: limitOf("monthly", "each calendar month"),
  session: limitOf("session", "any one session"),
  project,
}, (args) =>
  Effect.gen(function* () {
    const limits = {
      daily: Option.getOrUndefined(args.daily),
      weekly: Option.getOrUndefined(args.weekly),
      monthly: Option.getOrUndefined(args.monthly),
      session: Option.getOrUndefined(args.session),
    }
    const set = yield* (yield* Budgets).set(
      Object.fromEntries(Object.entries(limits).filter(([, limit]) => limit !== undefined)),
      Option.getOrNull(args.project),
    )
    for (const budget of set) {
      yield* Console.log(`budget set: ${budget.period}${budget.project === null ? "" : ` (${budget.project})`} $${budget.limitUsd?.toFixed(2)}`)
    }
  })).pipe(Command.withDescription("Sets spending limits in USD; they sync to your other devices."))

const clearCommand = Command.make("clear", {
  daily: clearFlag("daily"),
  weekly: clearFlag("weekly"),
  monthly: clearFlag("monthly"),
  session: clearFlag("session"),
  project,
}, (args) =>
  Effect.gen(function* () {
    const periods = (["daily", "weekly", "monthly", "session"] as const).filter((period) => args[period])
    yield* (yield* Budgets).clear(periods, Option.getOrNull(args.project))
    yield* Console.log(`budget cleared: ${(periods.length === 0 ? ["all"] : periods).join(", ")}${Option.match(args.project, { onNone: () => "", onSome: (name) => ` (${name})` })}`)
  })).pipe(Command.withDescription("Removes budgets (all four periods unless some are named)."))

const check = Options.boolean("check").pipe(Options.withDescription("Exit 1 when any budget is exceeded (for scripts)."))

const stateOf = (standing: BudgetStanding) => (standing.share > 1 ? "exceeded" : standing.share >= warnShare ? "warning" : "ok")

const percent = (share: number) => `${Math.round(share * 100)}%`

const statusText = (standings: ReadonlyArray<BudgetStanding>): string =>
  standings.length === 0
    ? "No budget set (budget set --daily USD)."
    : renderTable(
      ["BUDGET", "LIMIT", "SPENT", "SHARE", "AT THIS PACE", ""],
      standings.map((standing) => [
        `${standing.period}${standing.project === null ? "" : ` (${standing.project})`}`,
        `$${standing.limitUsd.toFixed(2)}`,
        `$${standing.spentUsd.toFixed(2)}`,
        percent(standing.share),
        standing.projectedUsd === null ? "" : `$${standing.projectedUsd.toFixed(2)}`,
        stateOf(standing) === "ok" ? "" : stateOf(standing),
      ]),
    )

/** `budget status --json`: snake_case, as every other JSON output. */
const standingJson = (standing: BudgetStanding) => ({
  period: standing.period,
  project: standing.project,
  limit_usd: standing.limitUsd,
  spent_usd: standing.spentUsd,
  share: Math.round(standing.share * 10_000) / 10_000,
  projected_usd: standing.projectedUsd,
  ...("sessionId" in standing.measured
    ? { session_id: standing.measured.sessionId }
    : { from: standing.measured.from, to: standing.measured.to }),
  state: stateOf(standing),
  text: standingText(standing),
})

const statusCommand = Command.make("status", { json, check }, (args) =>
  Effect.gen(function* () {
    const budgets = yield* Budgets
    const standings = yield* budgets.status
    if (args.json) yield* printJson(standings.map(standingJson))
    else yield* Console.log(statusText(standings))
    if (args.check) yield* budgets.check
  })).pipe(Command.withDescription("Each budget with its spend (all your devices), share and projection to the period's end."))

export const budgetCommand = Command.make("budget").pipe(
  Command.withDescription("Spending limits that follow you to every device, warned about at session start."),
  Command.withSubcommands([setCommand, clearCommand, statusCommand]),
)
