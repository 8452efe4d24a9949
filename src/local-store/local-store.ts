import { Clock, Duration, Effect, Option } from "effect"
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { dataDirIsAFile } from "../config/data-paths.js"
import { ensureDeviceId } from "../config/device-id.js"
import { CausalIdGenerator } from "../events/causal-id-generator.js"
import { appendEvents, appendStampedEvents, newestEventId } from "../events/event-store.js"
import { clearSpool, readSpool, spoolEvents } from "../events/spool.js"
import { spooledFileNames } from "../events/spool-files.js"
import { type EventDraft, type StampedEvent, stampEvents } from "../events/stamp-events.js"
import type { StoredEvent } from "../events/stored-event.js"
import { type KnownEvents, knownEvents } from "../projections/decoded-events.js"
import { applyToProjections } from "../projections/projector.js"
import { buildSnapshot } from "../snapshot/build-snapshot.js"
import { loadPrices } from "../transcript/pricing.js"
import { entriesReadModelPath } from "../snapshot/entries-read-model.js"
import { refreshEntriesReadModel } from "../snapshot/refresh-entries-read-model.js"
import { readSnapshot, writeSnapshot } from "../snapshot/session-start-snapshot.js"
import { markStoreFileHeld, writeStoreFileStamp } from "../snapshot/store-file-stamp.js"
import { DatabaseFailed, damagedIfBroken, StoreDamaged } from "../store/database-errors.js"
import { type Db, openDatabase, type OpenOptions } from "../store/database.js"
import { backupDirIn, backupEventLog } from "../events/event-log-backup.js"
import { retryWhileLocked } from "../store/lock-retry.js"
import { processLock } from "../store/process-lock.js"
import { StoreExtensions, type StoreSession } from "./store-extension.js"
import { ensureSchema, schemaIsCurrent } from "./store-schema.js"

export interface Recorded {
  readonly events: ReadonlyArray<StoredEvent>
  /** True when the database stayed locked and the events wait in the spool for the next process. */
  readonly queued: boolean
}

const dataDirTaken = (dataDir: string) => new StoreDamaged({ path: dataDir, reason: "a file is where the data dir should be" })

/** Bounds the rounds of `storeQueued`: events that keep arriving are stored by the next process. */
const maxStoreRounds = 10

/** Writers that can fall back to the spool wait this long for the lock. */
export const writerLockWait = Duration.seconds(2)
/** Commands that must read before they act wait this long, then say the database is busy. */
export const readerLockWait = Duration.seconds(10)

/**
 * The local store and its write path: open, do the work, close. Every opening
 * first ingests the spool, and every closing refreshes the session-start snapshot.
 */
export class LocalStore extends Effect.Service<LocalStore>()("LocalStore", {
  effect: Effect.gen(function* () {
    const { actor, paths } = yield* AppConfig
    const extensions = yield* StoreExtensions

    const prepareDataDir = Effect.try({
      try: () => {
        mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
        return ensureDeviceId(paths.deviceId)
      },
      catch: (cause) =>
        dataDirIsAFile(paths.dataDir) ? dataDirTaken(paths.dataDir) : new DatabaseFailed({ path: paths.dataDir, reason: String(cause) }),
    })

    /** Opens the file, and says "damaged" (not "failed") when no retry can help. */
    const open = (lockWait: Duration.DurationInput, options: OpenOptions = {}) =>
      openDatabase(paths.database, options).pipe(
        Effect.retry({ schedule: retryWhileLocked(lockWait), while: (error) => error._tag === "DatabaseLocked" }),
        Effect.catchTag("DatabaseFailed", (error) => Effect.fail(damagedIfBroken(error))),
      )

    /** Projects newly stored events, and gives every extension its share of the work. */
    const project = (db: Db, appended: ReadonlyArray<StoredEvent>, known?: KnownEvents) =>
      applyToProjections(db, appended, known).pipe(
        Effect.zipRight(
          appended.length === 0
            ? Effect.void
            : Effect.forEach(extensions, (extension) => extension.onStored?.(db, appended) ?? Effect.void, { discard: true }),
        ),
      )

    /** Stores events restored here (a spool, an import), skipping any already stored, with their projection. */
    const appendAndProject = (db: Db, events: ReadonlyArray<StoredEvent>) =>
      appendEvents(db, events).pipe(Effect.tap((appended) => project(db, appended)))

    /** Stores events just stamped here, projected from their typed form. */
    const appendStampedAndProject = (db: Db, stamped: ReadonlyArray<StampedEvent>) =>
      appendStampedEvents(db, stamped.map(({ stored }) => stored)).pipe(Effect.tap((appended) => project(db, appended, knownEvents(stamped))))

    const refreshSnapshot = (db: Db) =>
      Clock.currentTimeMillis.pipe(
        Effect.flatMap((nowMs) => buildSnapshot(db, actor, loadPrices(paths.prices), new Date(nowMs))),
        // The entries read model first: a reader trusts it only when the snapshot's stamp matches.
        Effect.tap((snapshot) => refreshEntriesReadModel(db, entriesReadModelPath(paths.dataDir), snapshot.newestEventId)),
        Effect.flatMap((snapshot) => Effect.try(() => writeSnapshot(paths.snapshot, snapshot))),
        // The snapshot is a cache of the projections: failing to refresh it fails nothing.
        Effect.catchAll((error) => Effect.sync(() => appendActivityLog(paths.log, `snapshot: ${String(error)}`))),
      )

    const ingestSpool = (db: Db) =>
      Effect.gen(function* () {
        const batch = yield* readSpool(paths.spoolDir)
        if (batch.events.length > 0) {
          yield* db.transaction(appendAndProject(db, batch.events))
          // Before the files go: a light-path reader that finds the spool emptied finds the read model holding its events.
          yield* refreshSnapshot(db)
        }
        yield* clearSpool(paths.spoolDir, batch)
        for (const file of batch.unreadable) {
          appendActivityLog(paths.log, `spool: ${file} is not an event; moved to spool/unreadable`)
        }
      })

    const backUpEventLog = (db: Db) =>
      backupEventLog(db, backupDirIn(paths.dataDir)).pipe(
        // Like the snapshot, the backup must never fail the work it follows; the next close retries.
        Effect.catchAll((error) => Effect.sync(() => appendActivityLog(paths.log, `backup: ${error.message}`))),
      )

    /** The stamp is a cache's guard, like the snapshot: failing to write it fails nothing (the light path then defers to the full CLI). */
    const stamping = (write: (dataDir: string, database: string) => void) =>
      Effect.try(() => write(paths.dataDir, paths.database)).pipe(
        Effect.catchAll((error) => Effect.sync(() => appendActivityLog(paths.log, `store stamp: ${String(error)}`))),
      )
    /** After the close: the file as this process left it, for the light path to see that nothing else changed it since. */
    const stampClosedStore = stamping(writeStoreFileStamp)
    /** While this process holds the lock: DuckDB's checkpoints change the file, and the light path must still trust it. */
    const markStoreHeld = stamping(markStoreFileHeld)

    const use = <A, E, R>(
      work: (session: StoreSession) => Effect.Effect<A, E, R>,
      lockWait: Duration.DurationInput = readerLockWait,
    ) =>
      Effect.scoped(Effect.gen(function* () {
        const deviceId = yield* prepareDataDir
        // Registered before the open, so it runs after the close, whether the work succeeded or
        // not (a refused command still closed a sound file) — but never for a file that failed to open.
        let sound = false
        yield* Effect.addFinalizer(() => (sound ? stampClosedStore : Effect.void))
        const db = yield* open(lockWait)
        yield* ensureSchema(db, extensions).pipe(Effect.catchTag("DatabaseFailed", (error) => Effect.fail(damagedIfBroken(error))))
        sound = true
        yield* markStoreHeld
        yield* ingestSpool(db)

        const ids = new CausalIdGenerator()
        const append = (drafts: ReadonlyArray<EventDraft>) =>
          Effect.gen(function* () {
            const newest = yield* newestEventId(db)
            if (newest !== null) ids.observe(newest)
            const nowMs = yield* Clock.currentTimeMillis
            return yield* db.transaction(appendStampedAndProject(db, stampEvents(drafts, { ids, nowMs, deviceId, actor })))
          })
        const session: StoreSession = { db, deviceId, append, ingest: (events) => appendAndProject(db, events) }
        for (const extension of extensions) yield* extension.onOpen?.(session) ?? Effect.void

        const result = yield* work(session)
        yield* refreshSnapshot(db)
        yield* backUpEventLog(db)
        return result
      }))

    /**
     * For commands that only read: opens the file read-only, so nothing is written (a full disk
     * does not stop them) and no snapshot is refreshed. A missing store reads as an empty one,
     * without creating it. When the file first needs writing (its schema is older, or the spool
     * holds events to ingest), this is an ordinary `use`.
     */
    const read = <A, E, R>(work: (db: Db) => Effect.Effect<A, E, R>) =>
      Effect.gen(function* () {
        if (dataDirIsAFile(paths.dataDir)) return yield* dataDirTaken(paths.dataDir)
        if (!existsSync(paths.database)) {
          return yield* Effect.scoped(openDatabase(":memory:").pipe(
            Effect.tap((db) => ensureSchema(db, extensions)),
            Effect.flatMap(work),
          ))
        }
        const readable = yield* Effect.scoped(Effect.gen(function* () {
          if ((yield* readSpool(paths.spoolDir)).events.length > 0) return Option.none<A>()
          const db = yield* open(readerLockWait, { readOnly: true })
          const current = yield* schemaIsCurrent(db, extensions).pipe(Effect.catchTag("DatabaseFailed", (error) => Effect.fail(damagedIfBroken(error))))
          return current ? Option.some(yield* work(db)) : Option.none<A>()
        }))
        return yield* Option.match(readable, { onSome: Effect.succeed, onNone: () => use(({ db }) => work(db)) })
      })

    /** Ids for events that must wait in the spool, still after everything this device has shown. */
    const spoolIds = () => {
      const ids = new CausalIdGenerator()
      const newest = readSnapshot(paths.snapshot)?.newestEventId
      if (newest) ids.observe(newest)
      return ids
    }

    /**
     * Records events that need nothing read first. If the lock outlasts the wait, they go to the
     * spool durably and the next process to open the database ingests them: never lost.
     */
    const record = (drafts: ReadonlyArray<EventDraft>) =>
      use((session) => session.append(drafts), writerLockWait).pipe(
        Effect.map((events): Recorded => ({ events, queued: false })),
        Effect.catchTag("DatabaseLocked", () =>
          Effect.gen(function* () {
            const deviceId = yield* prepareDataDir
            const nowMs = yield* Clock.currentTimeMillis
            const events = stampEvents(drafts, { ids: spoolIds(), nowMs, deviceId, actor }).map(({ stored }) => stored)
            yield* spoolEvents(paths.spoolDir, events)
            appendActivityLog(paths.log, `spool: database busy, queued ${events.length} event(s)`)
            return { events, queued: true } satisfies Recorded
          })),
      )

    const queuedEvents = () => spooledFileNames(paths.spoolDir).length

    /**
     * Stores what waits in the spool, one process at a time per data dir, so that a burst of
     * light-path writes (each starting one of these) opens the database once or twice, not once
     * each. A process that finds another at it leaves the work to it; the one at it looks at the
     * spool again after letting go, so an event queued at that moment is not left waiting.
     */
    const storeQueued = Effect.gen(function* () {
      for (let round = 0; round < maxStoreRounds && queuedEvents() > 0; round++) {
        const stored = yield* Effect.scoped(processLock(join(paths.spoolDir, ".store.lock")).pipe(
          Effect.zipRight(Effect.gen(function* () {
            for (let opening = 0; opening < maxStoreRounds && queuedEvents() > 0; opening++) yield* use(() => Effect.void)
          })),
          Effect.as(true),
          Effect.catchTag("ProcessLockBusy", () => Effect.succeed(false)),
        ))
        if (!stored) return
      }
    })

    return { use, read, record, storeQueued } as const
  }),
}) {}
