import type { Effect } from "effect"
import type { EventType } from "../events/domain-event.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import type { KnownEvents } from "./decoded-events.js"

/**
 * Our projection tables live in a schema of their own, so they never collide with tables of
 * the same name that another tool (the Python original keeps `log_entries`, `sessions`,
 * `session_models` in `main`) put in the same file.
 */
export const projectionSchema = "csl_projections"

/** The qualified name of a projection table: the only way queries name one. */
export const projectionTable = (name: string): string => `${projectionSchema}.${name}`

/**
 * A table (or tables) that is a pure function of the events: `fold(events of an entity, in id
 * order)`. Refreshing an entity recomputes its rows from all of its events, so applying events
 * incrementally, in any arrival order, always equals a full rebuild.
 */
export interface Projection {
  readonly name: string
  /** Bump when the tables or the fold change: on next open they are dropped and refolded. */
  readonly version: number
  /** Table names inside `projectionSchema`. */
  readonly tables: ReadonlyArray<string>
  readonly createTables: ReadonlyArray<string>
  readonly eventTypes: ReadonlyArray<EventType>
  /** Recomputes these entities' rows from their events; `known` spares decoding events just made. */
  readonly refresh: (db: Db, entityIds: ReadonlyArray<string>, known: KnownEvents) => Effect.Effect<void, DatabaseFailed>
}
