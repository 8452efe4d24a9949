import { Effect, Schema } from "effect"
import type { Db } from "../store/database.js"
import { insertRows } from "../store/insert-rows.js"
import { inKeys } from "../store/sql-fragments.js"

/**
 * Local bookkeeping for backfill: the size+mtime fingerprint of each session's files when it was
 * last read, so an unchanged history is skipped without opening a file. Never synced.
 */
export const transcriptFingerprintsDdl =
  `CREATE TABLE IF NOT EXISTS transcript_fingerprints (session_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL)`

const Row = Schema.Struct({ session_id: Schema.String, fingerprint: Schema.String })

export const readFingerprints = (db: Db) =>
  db.all(Row, `SELECT session_id, fingerprint FROM transcript_fingerprints`).pipe(
    Effect.map((rows) => new Map(rows.map((row) => [row.session_id, row.fingerprint]))),
  )

export const saveFingerprints = (db: Db, fingerprints: ReadonlyArray<{ readonly session_id: string; readonly fingerprint: string }>) =>
  fingerprints.length === 0
    ? Effect.void
    : db.transaction(
      db.run(
        `DELETE FROM transcript_fingerprints WHERE ${inKeys("session_id")}`,
        [JSON.stringify(fingerprints.map((row) => row.session_id))],
      ).pipe(Effect.zipRight(insertRows(db, "transcript_fingerprints", { session_id: "VARCHAR", fingerprint: "VARCHAR" }, fingerprints))),
    )
