import type { Effect } from "effect"
import type { EventType } from "../events/domain-event.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/**
 * A table (or tables) that is a pure function of the events: `fold(events of an entity, in id
 * order)`. Refreshing an entity recomputes its rows from all of its events, so applying events
 * incrementally, in any arrival order, always equals a full rebuild.
 */
export interface Projection {
  readonly name: string
  /** Bump when the tables or the fold change: on next open they are dropped and refolded. */
  readonly version: number
  readonly tables: ReadonlyArray<string>
  readonly createTables: ReadonlyArray<string>
  readonly eventTypes: ReadonlyArray<EventType>
  readonly refresh: (db: Db, entityIds: ReadonlyArray<string>) => Effect.Effect<void, DatabaseFailed>
}
