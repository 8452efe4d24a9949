import { Clock, Effect, Schema } from "effect"
import { AppConfig } from "../config/app-config.js"
import { type BudgetPeriod, budgetPeriods, type BudgetSet } from "../events/domain-event.js"
import { readBudgetSnapshot } from "../snapshot/budget-snapshot.js"
import { budgetStandings, standingText } from "../snapshot/budget-standing.js"
import { LocalStore } from "../local-store/local-store.js"

export class InvalidBudget extends Schema.TaggedError<InvalidBudget>()("InvalidBudget", { reason: Schema.String }) {
  override get message() {
    return this.reason
  }
}

export class BudgetExceeded extends Schema.TaggedError<BudgetExceeded>()("BudgetExceeded", { exceeded: Schema.Array(Schema.String) }) {
  override get message() {
    return `budget exceeded: ${this.exceeded.join(" · ")}`
  }
}

export type BudgetLimits = Partial<Record<BudgetPeriod, number>>

/** The user's budgets: set and cleared as events (they follow the user), measured across all of the user's devices. */
export class Budgets extends Effect.Service<Budgets>()("Budgets", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const { actor } = yield* AppConfig

    const budgetEvent = (period: BudgetPeriod, project: string | null, limitUsd: number | null): BudgetSet => ({
      _tag: "BudgetSet",
      owner: actor,
      period,
      project,
      limitUsd,
    })

    const set = (limits: BudgetLimits, project: string | null) =>
      Effect.gen(function* () {
        const given = budgetPeriods.flatMap((period) => {
          const limit = limits[period]
          return limit === undefined ? [] : [budgetEvent(period, project, limit)]
        })
        if (given.length === 0) return yield* new InvalidBudget({ reason: "give at least one of --daily, --weekly, --monthly, --session (in USD)" })
        const invalid = given.find((budget) => !(Number.isFinite(budget.limitUsd) && (budget.limitUsd ?? 0) > 0))
        if (invalid !== undefined) return yield* new InvalidBudget({ reason: `--${invalid.period} must be a positive amount in USD, not ${invalid.limitUsd}` })
        yield* store.record(given.map((event) => () => event))
        return given
      })

    /** Clears the named periods of the scope, or all four when none is named. */
    const clear = (periods: ReadonlyArray<BudgetPeriod>, project: string | null) =>
      store.record((periods.length === 0 ? budgetPeriods : periods).map((period) => () => budgetEvent(period, project, null)))

    const status = Effect.gen(function* () {
      const now = new Date(yield* Clock.currentTimeMillis)
      return budgetStandings(yield* store.read((db) => readBudgetSnapshot(db, actor, now)), now)
    })

    /** Fails when any budget is past 100%, naming them. */
    const check = status.pipe(Effect.flatMap((standings) => {
      const exceeded = standings.filter((standing) => standing.share > 1).map(standingText)
      return exceeded.length === 0 ? Effect.succeed(standings) : Effect.fail(new BudgetExceeded({ exceeded }))
    }))

    return { set, clear, status, check } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
