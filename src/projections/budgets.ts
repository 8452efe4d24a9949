import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"

export const budgetsTable = projectionTable("budgets")

const budgetColumns = { entity_id: "VARCHAR", owner: "VARCHAR", period: "VARCHAR", project: "VARCHAR", limit_usd: "DOUBLE" } as const

/** Each owner's budgets as their latest BudgetSet says: a cleared budget has no row. */
export const budgetsProjection: Projection = {
  name: "budgets",
  version: 1,
  tables: ["budgets"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${budgetsTable} (${
      Object.entries(budgetColumns).map(([name, type]) => `${name} ${type}`).join(", ")
    }, PRIMARY KEY (entity_id))`,
  ],
  eventTypes: ["BudgetSet"],
  refresh: (db, entityIds, known) =>
    Effect.gen(function* () {
      const latest = new Map<string, { entity_id: string; owner: string; period: string; project: string | null; limit_usd: number | null }>()
      for (const { event, stored } of (yield* readDecoded(db, { types: ["BudgetSet"], entityIds }, known)).filter(isOf("BudgetSet"))) {
        latest.set(stored.entityId, { entity_id: stored.entityId, owner: event.owner, period: event.period, project: event.project, limit_usd: event.limitUsd })
      }
      const rows = [...latest.values()].filter((row) => row.limit_usd !== null)
      yield* replaceRows(db, budgetsTable, "entity_id", entityIds, budgetColumns, rows)
    }),
}
