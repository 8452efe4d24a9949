import { Effect, Schema } from "effect"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db, SqlParams } from "../store/database.js"
import { type ColumnTypes, insertRowsSql } from "../store/insert-rows.js"
import { Conditions, inKeys, isoUtc, limitClause } from "../store/sql-fragments.js"
import { isLocalOnly } from "./domain-event.js"
import { envelopeFields, JsonObject, type StoredEvent } from "./stored-event.js"

/** The envelope columns; `idConstraint` makes the id the key locally and unique on the remote. */
export const envelopeColumnsDdl = (idConstraint: string) => `
  id          VARCHAR ${idConstraint},
  type        VARCHAR NOT NULL,
  version     INTEGER NOT NULL,
  entity_id   VARCHAR NOT NULL,
  device_id   VARCHAR NOT NULL,
  actor       VARCHAR NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  payload     JSON NOT NULL`

/**
 * `events` travel between devices; `local_events` (the inbox watermark) never leave this one.
 * Rows in both are immutable: never updated, never deleted.
 */
export const eventTablesDdl: ReadonlyArray<string> = [
  `CREATE TABLE IF NOT EXISTS events (${envelopeColumnsDdl("PRIMARY KEY")})`,
  `CREATE TABLE IF NOT EXISTS local_events (${envelopeColumnsDdl("PRIMARY KEY")})`,
  `CREATE INDEX IF NOT EXISTS events_entity ON events (entity_id)`,
  `CREATE OR REPLACE VIEW all_events AS SELECT * FROM events UNION ALL SELECT * FROM local_events`,
]

/** What eventTablesDdl makes. */
export const eventRelations = ["events", "local_events", "all_events"] as const

export const envelopeColumnNames = ["id", "type", "version", "entity_id", "device_id", "actor", "recorded_at", "payload"] as const

const insertColumns: ColumnTypes = {
  id: "VARCHAR",
  type: "VARCHAR",
  version: "INTEGER",
  entity_id: "VARCHAR",
  device_id: "VARCHAR",
  actor: "VARCHAR",
  recorded_at: "TIMESTAMPTZ",
  payload: "JSON",
}

const toRow = (event: StoredEvent) => ({
  id: event.id,
  type: event.type,
  version: event.version,
  entity_id: event.entityId,
  device_id: event.deviceId,
  actor: event.actor,
  recorded_at: event.recordedAt,
  payload: event.payload,
})

const insertedIds = Schema.Struct({ id: Schema.String })

const insertInto = (db: Db, table: string, events: ReadonlyArray<StoredEvent>) =>
  events.length === 0
    ? Effect.succeed(new Set<string>())
    : db
      .all(insertedIds, insertRowsSql(table, insertColumns, "ON CONFLICT (id) DO NOTHING RETURNING id"), [
        JSON.stringify(events.map(toRow)),
      ])
      .pipe(Effect.map((rows) => new Set(rows.map((row) => row.id))))

/**
 * Appends events just stamped here, through the appender (a backfill stamps a thousand): their ids
 * are ones this process just made (causal ULIDs with fresh random bits), so none is already
 * stored; a clash would fail the transaction, never pass silently. Returns them in id order.
 */
export const appendStampedEvents = (
  db: Db,
  events: ReadonlyArray<StoredEvent>,
): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> =>
  Effect.gen(function* () {
    const rows = (local: boolean) => events.filter((event) => isLocalOnly(event.type) === local).map((event) => ({ ...toRow(event), payload: JSON.stringify(event.payload) }))
    yield* db.appendRows("events", insertColumns, rows(false))
    yield* db.appendRows("local_events", insertColumns, rows(true))
    return [...events].sort((a, b) => (a.id < b.id ? -1 : 1))
  })

/**
 * Appends events made on this device, ignoring any whose id is already stored (so spool ingest
 * can deliver twice). Returns only the events that were new, in id order. (Events pulled from a
 * remote arrive through `copyEventsFrom` instead.)
 */
export const appendEvents = (
  db: Db,
  events: ReadonlyArray<StoredEvent>,
): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> =>
  Effect.gen(function* () {
    const shared = yield* insertInto(db, "events", events.filter((event) => !isLocalOnly(event.type)))
    const local = yield* insertInto(db, "local_events", events.filter((event) => isLocalOnly(event.type)))
    return events
      .filter((event) => shared.has(event.id) || local.has(event.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  })

/** An envelope row with its columns aliased to the StoredEvent field names. */
const StoredEventRow = Schema.Struct({ ...envelopeFields, payload: Schema.parseJson(JsonObject) })

/** Envelope rows of a relation (a table, a view, a Parquet file) as StoredEvent fields. */
const selectEnvelopeFrom = (relation: string) => `SELECT id, type, version, entity_id AS "entityId", device_id AS "deviceId", actor,
  ${isoUtc("recorded_at")} AS "recordedAt", payload::VARCHAR AS payload
  FROM ${relation}`

const selectEnvelope = selectEnvelopeFrom("all_events")

/** Every event of an envelope-shaped relation outside the store (a backup file), in id order. */
export const readEventsFrom = (db: Db, relation: string): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> =>
  db.all(StoredEventRow, `${selectEnvelopeFrom(relation)} ORDER BY id`)

export interface EventFilter {
  /** These events, by id. */
  readonly ids?: ReadonlyArray<string>
  readonly types?: ReadonlyArray<string>
  readonly entityIds?: ReadonlyArray<string>
  /** One entity, by its full id, its end or its start (an entry's short id). */
  readonly entity?: string
  /** Keep the newest `limit` events (still returned in id order). */
  readonly limit?: number
}

/** The SELECT of events matching the filter, in id order, and its parameters. */
const filteredEvents = (select: string, filter: EventFilter) => {
  const conditions = new Conditions()
  if (filter.ids !== undefined) conditions.withParam(JSON.stringify(filter.ids), (ids) => inKeys("id", ids))
  if (filter.types !== undefined) conditions.withParam(JSON.stringify(filter.types), (types) => inKeys("type", types))
  if (filter.entityIds !== undefined) {
    conditions.withParam(JSON.stringify(filter.entityIds), (ids) => inKeys("entity_id", ids))
  }
  if (filter.entity !== undefined) {
    // The end of an id is a ULID entry's short id; the start, a UUID entry's (the Python version's).
    conditions.withParam(filter.entity.trim(), (entity) =>
      `(entity_id = ${entity} OR ends_with(upper(entity_id), upper(${entity})) OR starts_with(upper(entity_id), upper(${entity})))`)
  }
  const filtered = `${select} ${conditions.where}`
  const sql = filter.limit === undefined
    ? `${filtered} ORDER BY id`
    : `SELECT * FROM (${filtered} ORDER BY id DESC ${limitClause(filter.limit)}) ORDER BY id`
  return { sql, params: conditions.params }
}

/** Events in id order (the fold order), local and shared together. */
export const readEvents = (db: Db, filter: EventFilter = {}): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> => {
  const { params, sql } = filteredEvents(selectEnvelope, filter)
  return db.all(StoredEventRow, sql, params)
}

const IdRow = Schema.Struct({ id: Schema.String })

/** The ids of the events `readEvents` would read, in the same order: their payloads left unread. */
export const readEventIds = (db: Db, filter: EventFilter = {}): Effect.Effect<ReadonlyArray<string>, DatabaseFailed> => {
  const { params, sql } = filteredEvents("SELECT id FROM all_events", filter)
  return db.all(IdRow, sql, params).pipe(Effect.map((rows) => rows.map((row) => row.id)))
}

const NewestRow = Schema.Struct({ newest: Schema.NullOr(Schema.String) })

/** The newest event id this device holds, the floor for its next causal id. */
export const newestEventId = (db: Db): Effect.Effect<string | null, DatabaseFailed> =>
  db.all(NewestRow, `SELECT max(id) AS newest FROM all_events`).pipe(Effect.map((rows) => rows[0]?.newest ?? null))

const CountRow = Schema.Struct({ events: Schema.Number })

/**
 * How many events this device holds. With the newest id it tells whether anything was stored
 * since: events pulled from another device can sort before the newest and leave it unchanged.
 */
export const storedEventCount = (db: Db): Effect.Effect<number, DatabaseFailed> =>
  db.all(CountRow, `SELECT count(*)::DOUBLE AS events FROM all_events`).pipe(Effect.map((rows) => rows[0]?.events ?? 0))

const EntityRow = Schema.Struct({ entity_id: Schema.String })

/** Every entity that events of these types are about (what a full refold of a projection covers). */
export const entitiesWithEventsOf = (db: Db, types: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<string>, DatabaseFailed> =>
  db.all(EntityRow, `SELECT DISTINCT entity_id FROM all_events WHERE ${inKeys("type")}`, [JSON.stringify(types)]).pipe(
    Effect.map((rows) => rows.map((row) => row.entity_id)),
  )

const LatestPayload = Schema.Struct({ entity_id: Schema.String, payload: Schema.String })

/** Per entity, the payload (as JSON text) of its newest shared event of this type. */
export const latestPayloads = (
  db: Db,
  type: string,
  entityIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, string>, DatabaseFailed> =>
  db.all(
    LatestPayload,
    `SELECT entity_id, payload::VARCHAR AS payload FROM events
     WHERE type = $1 AND ${inKeys("entity_id", "$2")}
     QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY id DESC) = 1`,
    [type, JSON.stringify(entityIds)],
  ).pipe(Effect.map((rows) => new Map(rows.map((row) => [row.entity_id, row.payload]))))

/**
 * A SELECT of shared events for another module's statement (sync pushes them to a remote in one
 * cross-catalog INSERT): the envelope columns in order, any of them replaced by an expression
 * over `e`, filtered by a condition over `e`.
 */
export const sharedEventsSql = (options: {
  readonly where: string
  readonly replace?: Partial<Record<(typeof envelopeColumnNames)[number], string>>
}): string =>
  `SELECT ${envelopeColumnNames.map((column) => `${options.replace?.[column] ?? `e.${column}`} AS ${column}`).join(", ")}
   FROM events e WHERE ${options.where}`

const Copied = Schema.Struct({ id: Schema.String, type: Schema.String, version: Schema.Number, entity_id: Schema.String })

/**
 * Stores shared events selected by `sourceSql` (envelope columns in order, e.g. from an attached
 * remote), ignoring ids already held; returns what was new.
 */
export const copyEventsFrom = (db: Db, sourceSql: string, params: SqlParams = []) =>
  db.all(
    Copied,
    `INSERT INTO events (${envelopeColumnNames.join(", ")}) ${sourceSql}
     ON CONFLICT (id) DO NOTHING RETURNING id, type, version, entity_id`,
    params,
  )

const TypeVersionCount = Schema.Struct({ type: Schema.String, version: Schema.Number, events: Schema.Number })

/** How many shared events there are of each type and payload version. */
export const countByTypeAndVersion = (db: Db) =>
  db.all(TypeVersionCount, `SELECT type, version, count(*)::INTEGER AS events FROM events GROUP BY type, version ORDER BY type, version`)
