import { Effect, Schema } from "effect"
import { entitiesWithEventsOf } from "../events/event-store.js"
import type { Db } from "../store/database.js"
import { budgetsProjection } from "./budgets.js"
import { hivePublishedProjection } from "./hive-published.js"
import { hiveSubscriptionsProjection } from "./hive-subscriptions.js"
import { inboxWatermarksProjection } from "./inbox-watermarks.js"
import { logEntriesProjection } from "./log-entries.js"
import { memoryFilesProjection } from "./memory-files.js"
import { type Projection, projectionSchema, projectionTable } from "./projection.js"
import { type KnownEvents, noEventsKnown } from "./decoded-events.js"
import { dropRetiredProjectionTables } from "./retired-projection-tables.js"
import { sessionsProjection } from "./sessions.js"

export const projections: ReadonlyArray<Projection> = [
  logEntriesProjection,
  sessionsProjection,
  inboxWatermarksProjection,
  memoryFilesProjection,
  budgetsProjection,
  hivePublishedProjection,
  hiveSubscriptionsProjection,
]

/** The tables the projector makes, as `schema.name`: its version table and every projection's tables. */
export const projectionRelations: ReadonlyArray<string> = [
  "main.projection_versions",
  ...projections.flatMap((projection) => projection.tables.map(projectionTable)),
]

const CountRow = Schema.Struct({ rows: Schema.Number })
const VersionRow = Schema.Struct({ name: Schema.String, version: Schema.Number })


const refold = (db: Db, projection: Projection) =>
  Effect.gen(function* () {
    for (const table of projection.tables) yield* db.run(`DROP TABLE IF EXISTS ${projectionTable(table)}`)
    for (const ddl of projection.createTables) yield* db.run(ddl)
    const entities = yield* entitiesWithEventsOf(db, projection.eventTypes)
    // A new store (or one without these events) has nothing to fold into the new, empty tables.
    if (entities.length > 0) yield* projection.refresh(db, entities, noEventsKnown)
    yield* db.run(
      `INSERT INTO projection_versions (name, version) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
      [projection.name, projection.version],
    )
  })

/**
 * Creates missing projection tables and refolds any whose version changed since this data dir
 * last saw it: projections are derived, so a new shape needs no migration, only a refold.
 */
export const ensureProjections = (db: Db) =>
  Effect.gen(function* () {
    yield* db.run(`CREATE TABLE IF NOT EXISTS projection_versions (name VARCHAR PRIMARY KEY, version INTEGER NOT NULL)`)
    yield* db.run(`CREATE SCHEMA IF NOT EXISTS ${projectionSchema}`)
    const known = new Map((yield* db.all(VersionRow, `SELECT name, version FROM projection_versions`)).map((row) => [row.name, row.version]))
    const outdated = projections.filter((projection) => known.get(projection.name) !== projection.version)
    if (outdated.length > 0) yield* dropRetiredProjectionTables(db)
    for (const projection of outdated) yield* refold(db, projection)
  })

/** What the projector needs to know of a newly stored event: which entity of which fold it touched. */
export interface AppendedEvent {
  readonly type: string
  readonly entityId: string
}

/** Brings the projections up to date with newly appended events; `known` holds those made here. */
export const applyToProjections = (db: Db, appended: ReadonlyArray<AppendedEvent>, known: KnownEvents = noEventsKnown) =>
  Effect.forEach(projections, (projection) => {
    const touched = new Set(
      appended.filter((event) => (projection.eventTypes as ReadonlyArray<string>).includes(event.type)).map((event) => event.entityId),
    )
    return touched.size === 0 ? Effect.void : projection.refresh(db, [...touched], known)
  }, { discard: true })

/** Drops every projection and refolds it from the events; returns the row count of each table. */
export const rebuildProjections = (db: Db) =>
  Effect.gen(function* () {
    for (const projection of projections) yield* refold(db, projection)
    return yield* Effect.forEach(projections.flatMap((projection) => projection.tables), (table) =>
      db.all(CountRow, `SELECT count(*)::INTEGER AS rows FROM ${projectionTable(table)}`).pipe(
        Effect.map((rows) => ({ table, rows: rows[0]?.rows ?? 0 })),
      ))
  })
