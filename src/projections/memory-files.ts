import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { foldMemoryFile, type MemoryHead } from "./memory-files-fold.js"
import { type Projection, projectionTable } from "./projection.js"

export const memoryFilesTable = projectionTable("memory_files")
export const memoryFileHeadsTable = projectionTable("memory_file_heads")

const versionColumns = {
  entity_id: "VARCHAR",
  project_key: "VARCHAR",
  name: "VARCHAR",
  sha256: "VARCHAR",
  content: "VARCHAR",
  bytes: "BIGINT",
  event_id: "VARCHAR",
  device_id: "VARCHAR",
  actor: "VARCHAR",
  recorded_at: "TIMESTAMPTZ",
} as const

const columnsDdl = Object.entries(versionColumns).map(([name, type]) => `${name} ${type}`).join(", ")

const rowOf = (entityId: string, head: MemoryHead) => ({
  entity_id: entityId,
  project_key: head.projectKey,
  name: head.name,
  sha256: head.sha256,
  content: head.content,
  bytes: head.bytes,
  event_id: head.eventId,
  device_id: head.deviceId,
  actor: head.actor,
  recorded_at: head.recordedAt,
})

/**
 * `memory_files`: the version of each memory file (per project key and name) a device should
 * hold, who wrote it, on which device, when; `sha256` null means deleted. `memory_file_heads`:
 * every written version not yet replaced, so a conflict keeps both sides.
 */
export const memoryFilesProjection: Projection = {
  name: "memory_files",
  version: 1,
  tables: ["memory_files", "memory_file_heads"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${memoryFilesTable} (${columnsDdl}, PRIMARY KEY (entity_id))`,
    `CREATE TABLE IF NOT EXISTS ${memoryFileHeadsTable} (${columnsDdl}, PRIMARY KEY (entity_id, sha256))`,
  ],
  eventTypes: ["MemoryFileWritten", "MemoryFileDeleted"],
  refresh: (db, entityIds, known) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: ["MemoryFileWritten", "MemoryFileDeleted"], entityIds }, known))
        .filter(isOf("MemoryFileWritten", "MemoryFileDeleted"))
      const byEntity = new Map<string, Array<(typeof events)[number]>>()
      for (const decoded of events) byEntity.set(decoded.stored.entityId, [...(byEntity.get(decoded.stored.entityId) ?? []), decoded])
      const latest: Array<ReturnType<typeof rowOf>> = []
      const heads: Array<ReturnType<typeof rowOf>> = []
      for (const [entityId, fileEvents] of byEntity) {
        const state = foldMemoryFile(fileEvents)
        if (state === undefined) continue
        latest.push(rowOf(entityId, state.latest))
        heads.push(...state.writtenHeads.map((head) => rowOf(entityId, head)))
      }
      yield* replaceRows(db, memoryFilesTable, "entity_id", entityIds, versionColumns, latest)
      yield* replaceRows(db, memoryFileHeadsTable, "entity_id", entityIds, versionColumns, heads)
    }),
}
