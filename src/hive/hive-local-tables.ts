import { Effect } from "effect"
import type { StoreExtension } from "../local-store/store-extension.js"
import type { Db } from "../store/database.js"

/**
 * Device-local bookkeeping of the hive, never synced:
 * - `hive_state`: per subscribed hive, the `seq` pulled up to (under which projects), and the last attempt;
 * - `hive_files`: per subscribed hive, the newest published version of each file it offers (null sha256: unpublished);
 * - `hive_written`: each file written under ~/.claude/hive and the version written, so a local edit shows.
 * Memory a teammate publishes stays here, out of the event log: it is theirs, and only copied.
 */
const ddl = [
  `CREATE TABLE IF NOT EXISTS hive_state (
    url           VARCHAR PRIMARY KEY,
    pulled_seq    BIGINT NOT NULL,
    projects      VARCHAR NOT NULL,
    last_sync_at  TIMESTAMPTZ,
    last_error    VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS hive_files (
    url         VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    event_id    VARCHAR NOT NULL,
    project_key VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    sha256      VARCHAR,
    content     VARCHAR,
    actor       VARCHAR NOT NULL,
    PRIMARY KEY (url, entity_id)
  )`,
  `CREATE TABLE IF NOT EXISTS hive_written (path VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL)`,
]

export const hiveStoreExtension: StoreExtension = {
  tables: ["hive_state", "hive_files", "hive_written"],
  ensureTables: (db: Db) => Effect.forEach(ddl, (statement) => db.run(statement), { discard: true }),
}
