import { Effect } from "effect"
import type { DomainEvent, EventType } from "../events/domain-event.js"
import type { StoredEvent } from "../events/stored-event.js"
import { type ColumnTypes, replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"

/**
 * A projection with one row per entity, read off the entity's newest event (by id): `rowOf`
 * gives the row, or null when that event means "no row" (unpublished, unsubscribed).
 */
export const latestPerEntityProjection = <T extends EventType>(options: {
  readonly name: string
  readonly columns: ColumnTypes
  readonly eventTypes: ReadonlyArray<T>
  readonly rowOf: (event: Extract<DomainEvent, { _tag: T }>, stored: StoredEvent) => object | null
}): Projection => {
  const table = projectionTable(options.name)
  return {
    name: options.name,
    version: 1,
    tables: [options.name],
    createTables: [
      `CREATE TABLE IF NOT EXISTS ${table} (${Object.entries(options.columns).map(([name, type]) => `${name} ${type}`).join(", ")}, PRIMARY KEY (entity_id))`,
    ],
    eventTypes: options.eventTypes,
    refresh: (db, entityIds, known) =>
      Effect.gen(function* () {
        const latest = new Map<string, object | null>()
        for (const { event, stored } of (yield* readDecoded(db, { types: options.eventTypes, entityIds }, known)).filter(isOf(...options.eventTypes))) {
          latest.set(stored.entityId, options.rowOf(event, stored))
        }
        yield* replaceRows(db, table, "entity_id", entityIds, options.columns, [...latest.values()].filter((row) => row !== null))
      }),
  }
}
