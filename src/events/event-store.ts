import { Effect, Schema } from "effect"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
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
 * Appends events made on this device, ignoring any whose id is already stored (so spool ingest
 * can deliver twice), and queues the shared ones for the next sync's push. Returns only the
 * events that were new, in id order. (Events pulled from a remote arrive through sync instead.)
 */
export const appendEvents = (
  db: Db,
  events: ReadonlyArray<StoredEvent>,
): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> =>
  Effect.gen(function* () {
    const shared = yield* insertInto(db, "events", events.filter((event) => !isLocalOnly(event.type)))
    if (shared.size > 0) {
      yield* db.run(`INSERT INTO sync_outbox SELECT unnest(from_json($1::JSON, '["VARCHAR"]')) ON CONFLICT DO NOTHING`, [
        JSON.stringify([...shared]),
      ])
    }
    const local = yield* insertInto(db, "local_events", events.filter((event) => isLocalOnly(event.type)))
    return events
      .filter((event) => shared.has(event.id) || local.has(event.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  })

/** An envelope row with its columns aliased to the StoredEvent field names. */
const StoredEventRow = Schema.Struct({ ...envelopeFields, payload: Schema.parseJson(JsonObject) })

const selectEnvelope = `SELECT id, type, version, entity_id AS "entityId", device_id AS "deviceId", actor,
  ${isoUtc("recorded_at")} AS "recordedAt", payload::VARCHAR AS payload
  FROM all_events`

export interface EventFilter {
  readonly types?: ReadonlyArray<string>
  readonly entityIds?: ReadonlyArray<string>
  /** One entity, by its full id, its end or its start (an entry's short id). */
  readonly entity?: string
  /** Keep the newest `limit` events (still returned in id order). */
  readonly limit?: number
}

/** Events in id order (the fold order), local and shared together. */
export const readEvents = (db: Db, filter: EventFilter = {}): Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed> => {
  const conditions = new Conditions()
  if (filter.types !== undefined) conditions.withParam(JSON.stringify(filter.types), (types) => inKeys("type", types))
  if (filter.entityIds !== undefined) {
    conditions.withParam(JSON.stringify(filter.entityIds), (ids) => inKeys("entity_id", ids))
  }
  if (filter.entity !== undefined) {
    // The end of an id is a ULID entry's short id; the start, a UUID entry's (the Python version's).
    conditions.withParam(filter.entity.trim(), (entity) =>
      `(entity_id = ${entity} OR ends_with(upper(entity_id), upper(${entity})) OR starts_with(upper(entity_id), upper(${entity})))`)
  }
  const filtered = `${selectEnvelope} ${conditions.where}`
  const sql = filter.limit === undefined
    ? `${filtered} ORDER BY id`
    : `SELECT * FROM (${filtered} ORDER BY id DESC ${limitClause(filter.limit)}) ORDER BY id`
  return db.all(StoredEventRow, sql, conditions.params)
}

const NewestRow = Schema.Struct({ newest: Schema.NullOr(Schema.String) })

/** The newest event id this device holds, the floor for its next causal id. */
export const newestEventId = (db: Db): Effect.Effect<string | null, DatabaseFailed> =>
  db.all(NewestRow, `SELECT max(id) AS newest FROM all_events`).pipe(Effect.map((rows) => rows[0]?.newest ?? null))
