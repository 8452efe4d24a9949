import { latestPerEntityProjection } from "./latest-per-entity.js"
import { projectionTable } from "./projection.js"

export const hiveSubscriptionsTable = projectionTable("hive_subscriptions")

/** The hives each user (`actor`) subscribes to now, and to which of their projects (`projects` null: all of them). */
export const hiveSubscriptionsProjection = latestPerEntityProjection({
  name: "hive_subscriptions",
  columns: { entity_id: "VARCHAR", actor: "VARCHAR", url: "VARCHAR", projects: "VARCHAR[]", event_id: "VARCHAR" },
  eventTypes: ["HiveSubscribed", "HiveUnsubscribed"],
  rowOf: (event, stored) =>
    event._tag === "HiveUnsubscribed" ? null : { entity_id: stored.entityId, actor: stored.actor, url: event.url, projects: event.projects, event_id: stored.id },
})
