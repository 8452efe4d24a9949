import { latestPerEntityProjection } from "./latest-per-entity.js"
import { projectionTable } from "./projection.js"

export const hivePublishedTable = projectionTable("hive_published")

/** The memory files each user (`actor`) publishes now, at the version last published (unpublished ones have no row). */
export const hivePublishedProjection = latestPerEntityProjection({
  name: "hive_published",
  columns: { entity_id: "VARCHAR", actor: "VARCHAR", project_key: "VARCHAR", name: "VARCHAR", sha256: "VARCHAR", bytes: "BIGINT", event_id: "VARCHAR" },
  eventTypes: ["MemoryPublished", "MemoryUnpublished"],
  rowOf: (event, stored) =>
    event._tag === "MemoryUnpublished"
      ? null
      : { entity_id: stored.entityId, actor: stored.actor, project_key: event.projectKey, name: event.name, sha256: event.sha256, bytes: event.bytes, event_id: stored.id },
})
