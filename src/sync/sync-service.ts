import { Clock, Effect, Option, Schema } from "effect"
import { join } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { syncsPromptTitles } from "../config/data-dir-config.js"
import { ensureDeviceId } from "../config/device-id.js"
import { importLegacy } from "../legacy/legacy-import.js"
import type { StoreSession } from "../local-store/store-extension.js"
import { LocalStore, readerLockWait } from "../local-store/local-store.js"
import { processLock } from "../store/process-lock.js"
import { isoUtc } from "../store/sql-fragments.js"
import { push, pull, remoteEventsDdl } from "./exchange.js"
import { attachRemote, detachRemote } from "./remote-connection.js"
import { describeRemote, resolveRemoteTarget } from "./remote-target.js"
import { NoRemoteConfigured, SyncBusy } from "./sync-errors.js"
import { storedFromNewerVersion } from "./unreadable-events.js"

export interface SyncResult {
  readonly remote: string
  readonly pushed: number
  readonly pulled: number
  /** How far ahead of this clock the newest pulled event was made, in ms. */
  readonly clock_skew_ms: number
}

const StateRow = Schema.Struct({
  pulled_seq: Schema.Number,
  last_sync_at: Schema.NullOr(Schema.String),
  last_pushed: Schema.NullOr(Schema.Number),
  last_pulled: Schema.NullOr(Schema.Number),
  skew_ms: Schema.NullOr(Schema.Number),
})
const CountRow = Schema.Struct({ waiting: Schema.Number })
const CursorRow = Schema.Struct({ pulled_seq: Schema.Number })

/** Exchanges events with the remote: push what it lacks, pull what this device lacks, refold. */
export class Sync extends Effect.Service<Sync>()("Sync", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const config = yield* AppConfig
    const target = (flag: string | undefined) => resolveRemoteTarget(flag, config.env, config.paths.dataDir, config.cwd)

    /**
     * The bridge from the Python version: a remote that holds its tables (teammates on 0.3.45 still
     * write them) has them imported, now and whenever they change; they are only ever read. The
     * imported events are then pushed like any other.
     */
    const logLine = (line: string) => Effect.sync(() => appendActivityLog(config.paths.log, line))
    const importRemoteLegacyTables = (session: StoreSession, catalog: string, remoteKey: string) =>
      importLegacy(session, { key: `remote:${remoteKey}`, catalog, withWatermark: false }, config.actor, { force: false }).pipe(
        Effect.tap((imported) =>
          imported === undefined ? Effect.void : logLine(
            `sync: imported ${imported.added} new event(s) from the Python version's tables in ${remoteKey} (${imported.skipped.length} row(s) skipped)`,
          )),
        // Events still sync when a legacy table cannot be read; the next sync tries again.
        Effect.catchAll((error) => logLine(`sync: importing the Python version's tables from ${remoteKey}: ${error.message}`)),
      )

    /** One sync of this data dir at a time: a second one fails at once with SyncBusy. */
    const sync = (remoteFlag: string | undefined) =>
      Effect.scoped(processLock(join(config.paths.dataDir, "sync.lock")).pipe(Effect.zipRight(exchange(remoteFlag)))).pipe(
        Effect.catchTag("ProcessLockBusy", () => Effect.fail(new SyncBusy())),
      )

    const exchange = (remoteFlag: string | undefined) =>
      Effect.gen(function* () {
        const remote = target(remoteFlag)
        if (remote.kind === "none") return yield* new NoRemoteConfigured()
        const remoteKey = describeRemote(remote)
        return yield* store.use((session) =>
          Effect.gen(function* () {
            const { db } = session
            const [cursor] = yield* db.all(CursorRow, `SELECT pulled_seq::DOUBLE AS pulled_seq FROM sync_state WHERE remote = $1`, [remoteKey])
            const catalog = yield* attachRemote(db, remote, config.env)
            const exchanged = yield* Effect.gen(function* () {
              yield* db.run(remoteEventsDdl(catalog))
              yield* importRemoteLegacyTables(session, catalog, remoteKey)
              const pushed = yield* push(db, catalog, { syncPromptTitles: syncsPromptTitles(config.paths.dataDir) })
              const pulled = yield* pull(db, catalog, remoteKey, cursor?.pulled_seq ?? 0, yield* Clock.currentTimeMillis)
              return { pushed, ...pulled }
            }).pipe(Effect.ensuring(detachRemote(db, catalog)))
            // Kept and skipped by the folds; said once per type so the user knows to upgrade.
            for (const [kind, count] of exchanged.fromNewerVersion) {
              appendActivityLog(config.paths.log, `sync: pulled ${count} ${kind} event(s) written by a newer claude-session-logger; kept, not shown until you upgrade`)
            }
            yield* db.run(
              `UPDATE sync_state SET last_sync_at = now(), last_pushed = $2, last_pulled = $3, skew_ms = $4 WHERE remote = $1`,
              [remoteKey, exchanged.pushed, exchanged.pulled, exchanged.skewAheadMs],
            )
            return { remote: remoteKey, pushed: exchanged.pushed, pulled: exchanged.pulled, clock_skew_ms: exchanged.skewAheadMs } satisfies SyncResult
          }), readerLockWait)
      })

    /** What `status` shows: reads local state only, never contacts the remote. */
    const status = (remoteFlag: string | undefined) =>
      Effect.gen(function* () {
        const remote = target(remoteFlag)
        const remoteKey = describeRemote(remote)
        const { state, waiting, unreadable } = yield* store.read((db) =>
          Effect.gen(function* () {
            const [count] = yield* db.all(CountRow, `SELECT count(*)::INTEGER AS waiting FROM sync_outbox`)
            const [row] = yield* db.all(
              StateRow,
              `SELECT pulled_seq::DOUBLE AS pulled_seq, ${isoUtc("last_sync_at")} AS last_sync_at, last_pushed, last_pulled,
                 skew_ms::DOUBLE AS skew_ms FROM sync_state WHERE remote = $1`,
              [remoteKey],
            )
            const unreadable = yield* storedFromNewerVersion(db)
            return { state: Option.fromNullable(row), waiting: count?.waiting ?? 0, unreadable }
          })
        )
        return {
          remote: remoteKey,
          device_id: ensureDeviceId(config.paths.deviceId),
          waiting_to_push: waiting,
          last_sync_at: Option.getOrNull(Option.flatMap(state, (row) => Option.fromNullable(row.last_sync_at))),
          last_pushed: Option.getOrNull(Option.flatMap(state, (row) => Option.fromNullable(row.last_pushed))),
          last_pulled: Option.getOrNull(Option.flatMap(state, (row) => Option.fromNullable(row.last_pulled))),
          clock_skew_ms: Option.getOrNull(Option.flatMap(state, (row) => Option.fromNullable(row.skew_ms))),
          /** Events a newer version wrote that this one keeps but cannot show, per "Type vN". */
          from_newer_version: Object.fromEntries(unreadable.map(({ events, kind }) => [kind, events])),
        }
      })

    /** Attaches and detaches the remote, to tell whether it is reachable now. */
    const probe = (remoteFlag: string | undefined) =>
      Effect.gen(function* () {
        const remote = target(remoteFlag)
        if (remote.kind === "none") return yield* new NoRemoteConfigured()
        yield* store.use(({ db }) => attachRemote(db, remote, config.env).pipe(Effect.flatMap((catalog) => detachRemote(db, catalog))))
        return describeRemote(remote)
      })

    return { sync, status, probe } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
