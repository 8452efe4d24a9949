import { Effect, Schema } from "effect"
import { appendEvents, appendStampedEvents } from "../../src/events/event-store.js"
import { CausalIdGenerator } from "../../src/events/causal-id-generator.js"
import { stampEvents } from "../../src/events/stamp-events.js"
import type { StoredEvent } from "../../src/events/stored-event.js"
import type { StoreSession } from "../../src/local-store/store-extension.js"
import { knownEvents } from "../../src/projections/decoded-events.js"
import { projectionTable } from "../../src/projections/projection.js"
import { applyToProjections, projections } from "../../src/projections/projector.js"
import { type Db, openDatabase } from "../../src/store/database.js"
import { ensureSchema } from "../../src/local-store/store-schema.js"

/** A fresh in-memory store with the full schema, for the length of `work`. */
export const withMemoryDb = <A, E>(work: (db: Db) => Effect.Effect<A, E>) =>
  Effect.scoped(openDatabase(":memory:").pipe(Effect.tap((db) => ensureSchema(db, [])), Effect.flatMap(work)))

/** Delivers events as the write path does: idempotent append, then project what was new. */
export const deliver = (db: Db, events: ReadonlyArray<StoredEvent>) => db.transaction(memorySession(db).ingest(events))

/** A write-path session over a memory store, without extensions: what restore and import code needs. */
export const memorySession = (db: Db, deviceId = "test-device", actor = "tester"): StoreSession => {
  const ids = new CausalIdGenerator()
  return {
    db,
    deviceId,
    ingest: (events) => appendEvents(db, events).pipe(Effect.tap((appended) => applyToProjections(db, appended))),
    append: (drafts) => {
      const stamped = stampEvents(drafts, { ids, nowMs: Date.now(), deviceId, actor })
      return db.transaction(appendStampedEvents(db, stamped.map(({ stored }) => stored)).pipe(
        Effect.tap((appended) => applyToProjections(db, appended, knownEvents(stamped))),
      ))
    },
  }
}

const AnyRow = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** Every projection table, rows sorted, as comparable JSON. */
export const dumpProjections = (db: Db) =>
  Effect.forEach(projections.flatMap((projection) => projection.tables), (table) =>
    db.all(AnyRow, `SELECT to_json(t)::VARCHAR AS row FROM ${projectionTable(table)} t`).pipe(
      Effect.map((rows) => [table, rows.map((row) => String(row.row)).sort()] as const),
    )).pipe(Effect.map((tables) => Object.fromEntries(tables)))
