import { Effect, Schema } from "effect"
import { currentVersion } from "../events/domain-event.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/** An event envelope's type and payload version, as pulled or stored. */
export interface TypeAndVersion {
  readonly type: string
  readonly version: number
}

const knownVersions = JSON.stringify(Object.entries(currentVersion).map(([type, version]) => ({ type, version })))

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

const Unreadable = Schema.Struct({ kind: Schema.String, events: Schema.Number })

/** The stored events this version cannot fold, per type and version (the SQL twin of isFromNewerVersion). */
export const storedFromNewerVersion = (db: Db): Effect.Effect<ReadonlyArray<typeof Unreadable.Type>, DatabaseFailed> =>
  db.all(
    Unreadable,
    `WITH known AS (SELECT unnest(from_json($1::JSON, '[{"type":"VARCHAR","version":"INTEGER"}]'), recursive := true))
     SELECT e.type || ' v' || e.version AS kind, count(*)::INTEGER AS events
     FROM events e LEFT JOIN known k ON k.type = e.type
     WHERE k.version IS NULL OR e.version > k.version
     GROUP BY e.type, e.version ORDER BY e.type, e.version`,
    [knownVersions],
  )
