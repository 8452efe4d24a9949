import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"

export const hivePublishedTable = projectionTable("hive_published")

const columns = {
  entity_id: "VARCHAR",
  project_key: "VARCHAR",
  name: "VARCHAR",
  sha256: "VARCHAR",
  bytes: "BIGINT",
  event_id: "VARCHAR",
} as const

interface PublishedRow {
  readonly entity_id: string
  readonly project_key: string
  readonly name: string
  readonly sha256: string
  readonly bytes: number
  readonly event_id: string
}

/** The memory files this user publishes now, at the version last published (unpublished ones have no row). */
export const hivePublishedProjection: Projection = {
  name: "hive_published",
  version: 1,
  tables: ["hive_published"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${hivePublishedTable} (${Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(", ")}, PRIMARY KEY (entity_id))`,
  ],
  eventTypes: ["MemoryPublished", "MemoryUnpublished"],
  refresh: (db, entityIds) =>
    Effect.gen(function* () {
      const latest = new Map<string, PublishedRow | null>()
      for (const { event, stored } of (yield* readDecoded(db, { types: ["MemoryPublished", "MemoryUnpublished"], entityIds }))
        .filter(isOf("MemoryPublished", "MemoryUnpublished"))) {
        latest.set(
          stored.entityId,
          event._tag === "MemoryUnpublished" ? null : {
            entity_id: stored.entityId,
            project_key: event.projectKey,
            name: event.name,
            sha256: event.sha256,
            bytes: event.bytes,
            event_id: stored.id,
          },
        )
      }
      yield* replaceRows(db, hivePublishedTable, "entity_id", entityIds, columns, [...latest.values()].filter((row) => row !== null))
    }),
}
