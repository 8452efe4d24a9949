import { Effect } from "effect"
import { currentVersion } from "../events/domain-event.js"
import { countByTypeAndVersion } from "../events/event-store.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/** An event envelope's type and payload version, as pulled or stored. */
export interface TypeAndVersion {
  readonly type: string
  readonly version: number
}

/** Written by a newer client: a type this one does not know, or a later payload version of one it does. */
export const isFromNewerVersion = ({ type, version }: TypeAndVersion): boolean => {
  const known = (currentVersion as Readonly<Record<string, number>>)[type]
  return known === undefined || version > known
}

/** "FooHappened v1" → how many of them, for one log line per type and version. */
export const countFromNewerVersion = (events: ReadonlyArray<TypeAndVersion>): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  for (const event of events.filter(isFromNewerVersion)) {
    const key = `${event.type} v${event.version}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** The stored events this version cannot fold, per type and version. */
export const storedFromNewerVersion = (db: Db): Effect.Effect<ReadonlyArray<{ readonly kind: string; readonly events: number }>, DatabaseFailed> =>
  countByTypeAndVersion(db).pipe(
    Effect.map((counts) => counts.filter(isFromNewerVersion).map(({ events, type, version }) => ({ kind: `${type} v${version}`, events }))),
  )
