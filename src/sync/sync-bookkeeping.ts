import { Effect, Schema } from "effect"
import { isLocalOnly } from "../events/domain-event.js"
import { sharedEventsSql } from "../events/event-store.js"
import type { StoreExtension } from "../local-store/store-extension.js"
import type { Db } from "../store/database.js"

/**
 * Local-only bookkeeping for sync, never in events that travel:
 * - `sync_outbox`: ids of events created here that the remote has not confirmed yet;
 * - `sync_state`: per remote, the remote sequence number pulled up to, and the last sync's figures.
 */
const Exists = Schema.Struct({ tables: Schema.Number })

export const ensureSyncBookkeeping = (db: Db) =>
  Effect.gen(function* () {
    const [existing] = yield* db.all(
      Exists,
      `SELECT count(*)::INTEGER AS tables FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'sync_outbox'`,
    )
    if ((existing?.tables ?? 0) === 0) {
      yield* db.run(`CREATE TABLE sync_outbox (id VARCHAR PRIMARY KEY)`)
      // A store from before sync existed: everything in it is still to be pushed.
      yield* db.run(`INSERT INTO sync_outbox SELECT id FROM (${sharedEventsSql({ where: "true" })})`)
    }
    yield* db.run(`CREATE TABLE IF NOT EXISTS sync_state (
      remote        VARCHAR PRIMARY KEY,
      pulled_seq    BIGINT NOT NULL,
      last_sync_at  TIMESTAMPTZ,
      last_pushed   INTEGER,
      last_pulled   INTEGER,
      skew_ms       BIGINT
    )`)
  })

/**
 * Sync's part of every store: its tables, and the outbox filled in the same transaction that
 * stores an event made here, so nothing made on this device is ever left unpushed.
 */
export const syncStoreExtension: StoreExtension = {
  tables: ["sync_outbox", "sync_state"],
  ensureTables: ensureSyncBookkeeping,
  onStored: (db, stored) => {
    const shared = stored.filter((event) => !isLocalOnly(event.type)).map((event) => event.id)
    return shared.length === 0
      ? Effect.void
      : db.run(`INSERT INTO sync_outbox SELECT unnest(from_json($1::JSON, '["VARCHAR"]')) ON CONFLICT DO NOTHING`, [JSON.stringify(shared)])
  },
}
