import { Effect } from "effect"
import type { UnknownException } from "effect/Cause"
import { storedEventCount } from "../events/event-store.js"
import { logEntriesProjection } from "../projections/log-entries.js"
import { LogEntryRow, newestChangeFirst, selectLogEntryRows } from "../projections/log-entry-rows.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { readEntriesReadModelHeader, writeEntriesReadModel } from "./entries-read-model.js"

/**
 * Rewrites the entries read model when the store's events (or the fold) changed since it; a store
 * that did not change costs one small read. Run under the store's lock, before the snapshot.
 */
export const refreshEntriesReadModel = (db: Db, path: string, newestEventId: string | null): Effect.Effect<void, DatabaseFailed | UnknownException> =>
  Effect.gen(function* () {
    const projectionVersion = logEntriesProjection.version
    const events = yield* storedEventCount(db)
    const header = readEntriesReadModelHeader(path)
    if (header?.newestEventId === newestEventId && header.eventCount === events && header.projectionVersion === projectionVersion) return
    const entries = yield* db.all(LogEntryRow, `${selectLogEntryRows} ${newestChangeFirst}`)
    yield* Effect.try(() => writeEntriesReadModel(path, { version: 1, newestEventId, eventCount: events, projectionVersion, entries }))
  })
