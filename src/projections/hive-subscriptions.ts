import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"

export const hiveSubscriptionsTable = projectionTable("hive_subscriptions")

const columns = { entity_id: "VARCHAR", url: "VARCHAR", projects: "VARCHAR[]", event_id: "VARCHAR" } as const

interface SubscriptionRow {
  readonly entity_id: string
  readonly url: string
  /** Null: every project the hive offers. */
  readonly projects: ReadonlyArray<string> | null
  readonly event_id: string
}

/** The hives this user subscribes to now, and to which of their projects. */
export const hiveSubscriptionsProjection: Projection = {
  name: "hive_subscriptions",
  version: 1,
  tables: ["hive_subscriptions"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${hiveSubscriptionsTable} (${Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(", ")}, PRIMARY KEY (entity_id))`,
  ],
  eventTypes: ["HiveSubscribed", "HiveUnsubscribed"],
  refresh: (db, entityIds) =>
    Effect.gen(function* () {
      const latest = new Map<string, SubscriptionRow | null>()
      for (const { event, stored } of (yield* readDecoded(db, { types: ["HiveSubscribed", "HiveUnsubscribed"], entityIds }))
        .filter(isOf("HiveSubscribed", "HiveUnsubscribed"))) {
        latest.set(
          stored.entityId,
          event._tag === "HiveUnsubscribed" ? null : { entity_id: stored.entityId, url: event.url, projects: event.projects, event_id: stored.id },
        )
      }
      yield* replaceRows(db, hiveSubscriptionsTable, "entity_id", entityIds, columns, [...latest.values()].filter((row) => row !== null))
    }),
}
