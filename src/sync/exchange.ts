import { Effect, Schema } from "effect"
import { decodeTime } from "ulid"
import { copyEventsFrom, envelopeColumnNames, envelopeColumnsDdl, sharedEventsSql } from "../events/event-store.js"
import { applyToProjections } from "../projections/projector.js"
import type { Db } from "../store/database.js"
import { countFromNewerVersion } from "./unreadable-events.js"

const columns = envelopeColumnNames.join(", ")

/**
 * The remote holds every device's shared events. `seq` numbers them in the order they reached
 * the remote, so a device pulls "everything after the last seq I saw": an old event another
 * device pushes late still arrives, and the cost of a sync follows the number of new events.
 * Columns are always named: the remote may be shared with other versions of this tool.
 */
export const remoteEventsDdl = (catalog: string) =>
  `CREATE TABLE IF NOT EXISTS ${catalog}.events (seq BIGINT PRIMARY KEY, ${envelopeColumnsDdl("NOT NULL UNIQUE")})`

const Inserted = Schema.Struct({ id: Schema.String })
const Upto = Schema.Struct({ upto: Schema.Number })

/**
 * The payload as it leaves the machine. With prompt titles kept private, a SessionRecorded whose
 * title is (or may be: older events do not say) the first prompt's line travels with a null
 * title; this device keeps and shows it. Same event id, so the remote's copy is the one others fold.
 */
const travellingPayload = (syncPromptTitles: boolean) =>
  syncPromptTitles
    ? "e.payload"
    : `CASE WHEN e.type = 'SessionRecorded' AND coalesce(json_extract(e.payload, '$.titleFromPrompt')::BOOLEAN, true)
         THEN (SELECT json_group_object(key, CASE WHEN key = 'title' THEN 'null'::JSON ELSE value END) FROM json_each(e.payload))
         ELSE e.payload END`

/**
 * Appends the events `sourceSql` selects (envelope columns) to the remote, numbered after its last
 * `seq`, skipping ids it holds; returns how many it took. One statement: atomic on the remote.
 */
export const appendToRemote = (db: Db, catalog: string, sourceSql: string) =>
  db.all(
    Inserted,
    `INSERT INTO ${catalog}.events (seq, ${columns})
     SELECT (SELECT coalesce(max(seq), 0) FROM ${catalog}.events) + row_number() OVER (ORDER BY id), ${columns}
     FROM (${sourceSql})
     ON CONFLICT (id) DO NOTHING RETURNING id`,
  ).pipe(Effect.map((rows) => rows.length))

/**
 * Pushes the outbox. One statement writes the remote (DuckDB commits one database per
 * transaction), then the outbox forgets what the remote now holds: a crash in between only
 * means the next push offers them again, and the remote ignores ids it has.
 */
export const push = (db: Db, catalog: string, options: { readonly syncPromptTitles: boolean }) =>
  Effect.gen(function* () {
    const travelling = sharedEventsSql({
      where: "e.id IN (SELECT id FROM sync_outbox)",
      replace: { payload: travellingPayload(options.syncPromptTitles) },
    })
    const inserted = yield* appendToRemote(db, catalog, travelling)
    yield* db.run(`DELETE FROM sync_outbox WHERE id IN (SELECT r.id FROM ${catalog}.events r JOIN sync_outbox o ON o.id = r.id)`)
    return inserted
  })

export interface PullResult {
  readonly pulled: number
  readonly upto: number
  /** How far the newest pulled event's id time is ahead of this clock, in ms (0 if not). */
  readonly skewAheadMs: number
  /** Pulled events a newer version wrote, which this one keeps but cannot fold, per "Type vN". */
  readonly fromNewerVersion: ReadonlyMap<string, number>
}

/** The last seq the remote holds now: a pull stops there, so what arrives meanwhile waits for the next. */
export const remoteUpto = (db: Db, catalog: string) =>
  db.all(Upto, `SELECT coalesce(max(seq), 0)::DOUBLE AS upto FROM ${catalog}.events`).pipe(Effect.map(([limit]) => limit?.upto ?? 0))

/**
 * Copies the remote's events with `seq` in (afterSeq, upto] that `where` (a condition over the
 * remote's row `r`, empty for all) selects, and refreshes the projections they touch; for the
 * caller's transaction. The hive pulls through it with the subscribed projects as the condition.
 */
export const copyRemoteEvents = (db: Db, catalog: string, range: { readonly afterSeq: number; readonly upto: number }, where = "true") =>
  Effect.gen(function* () {
    const pulled = range.upto <= range.afterSeq ? [] : yield* copyEventsFrom(
      db,
      `SELECT ${columns} FROM ${catalog}.events r WHERE seq > $1 AND seq <= $2 AND (${where}) ORDER BY seq`,
      [range.afterSeq, range.upto],
    )
    yield* applyToProjections(db, pulled.map((event) => ({ type: event.type, entityId: event.entity_id })))
    return pulled
  })

/**
 * Pulls what the remote received since `afterSeq`, in one local transaction with the projection
 * refresh and the new cursor, so a crash leaves either all of it or none.
 */
export const pull = (db: Db, catalog: string, remoteKey: string, afterSeq: number, nowMs: number) =>
  db.transaction(Effect.gen(function* () {
    const upto = yield* remoteUpto(db, catalog)
    const pulled = yield* copyRemoteEvents(db, catalog, { afterSeq, upto })
    const newest = pulled.reduce((latest, event) => Math.max(latest, decodeTime(event.id)), 0)
    const result: PullResult = {
      pulled: pulled.length,
      upto,
      skewAheadMs: Math.max(0, newest - nowMs),
      fromNewerVersion: countFromNewerVersion(pulled),
    }
    yield* db.run(
      `INSERT INTO sync_state (remote, pulled_seq) VALUES ($1, $2)
       ON CONFLICT (remote) DO UPDATE SET pulled_seq = excluded.pulled_seq`,
      [remoteKey, upto],
    )
    return result
  }))
