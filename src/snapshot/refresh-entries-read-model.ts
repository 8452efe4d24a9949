import { Effect, Schema } from "effect"
import { rmSync } from "node:fs"
import type { UnknownException } from "effect/Cause"
import { storedEventCount } from "../events/event-store.js"
import { logEntriesProjection } from "../projections/log-entries.js"
import { LogEntryRow, logEntriesTable, newestChangeFirst, selectLogEntryRows } from "../projections/log-entry-rows.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { readEntriesReadModelHeader, writeEntriesReadModel } from "./entries-read-model.js"

/**
 * Past this many entries the read model is not kept: it is rewritten whole on every change, so its
 * cost grows with the store (300 MB and 15 s per `log` at a million), while the full CLI's cost
 * barely does. Such a store's note commands go to the full CLI.
 */
const entriesReadModelLimit = 20_000

const CountRow = Schema.Struct({ entries: Schema.Number })

/**
 * Rewrites the entries read model when the store's events (or the fold) changed since it; a store
 * that did not change costs one small read. Run under the store's lock, before the snapshot.
 */
export const refreshEntriesReadModel = (
  db: Db,
  path: string,
  newestEventId: string | null,
  limit: number = entriesReadModelLimit,
): Effect.Effect<void, DatabaseFailed | UnknownException> =>
  Effect.gen(function* () {
    const projectionVersion = logEntriesProjection.version
    const events = yield* storedEventCount(db)
    const header = readEntriesReadModelHeader(path)
    if (header?.newestEventId === newestEventId && header.eventCount === events && header.projectionVersion === projectionVersion) return
    const [count] = yield* db.all(CountRow, `SELECT count(*)::DOUBLE AS entries FROM ${logEntriesTable}`)
    if ((count?.entries ?? 0) > limit) return yield* Effect.sync(() => rmSync(path, { force: true }))
    const entries = yield* db.all(LogEntryRow, `${selectLogEntryRows} ${newestChangeFirst}`)
    yield* Effect.try(() => writeEntriesReadModel(path, { version: 1, newestEventId, eventCount: events, projectionVersion, entries }))
  })
