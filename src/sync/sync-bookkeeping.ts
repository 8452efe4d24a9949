import { Effect, Schema } from "effect"
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
      yield* db.run(`INSERT INTO sync_outbox SELECT id FROM events`)
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
