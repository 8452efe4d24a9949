import { Effect, Schema } from "effect"
import { createTableIfMissing } from "../store/create-table.js"
import type { Db } from "../store/database.js"
import { replaceRowsAppending } from "../store/insert-rows.js"

/**
 * Local bookkeeping for backfill: the size+mtime fingerprint of each session's files when it was
 * last read, so an unchanged history is skipped without opening a file. Never synced.
 */
const ddl = `CREATE TABLE IF NOT EXISTS transcript_fingerprints (session_id VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL)`

/** Creates the table if missing; true when it was created now. */
export const ensureTranscriptFingerprints = (db: Db) => createTableIfMissing(db, "transcript_fingerprints", ddl)

const Row = Schema.Struct({ session_id: Schema.String, fingerprint: Schema.String })

export const readFingerprints = (db: Db) =>
  db.all(Row, `SELECT session_id, fingerprint FROM transcript_fingerprints`).pipe(
    Effect.map((rows) => new Map(rows.map((row) => [row.session_id, row.fingerprint]))),
  )

export const saveFingerprints = (db: Db, fingerprints: ReadonlyArray<{ readonly session_id: string; readonly fingerprint: string }>) =>
  db.transaction(replaceRowsAppending(
    db,
    "transcript_fingerprints",
    "session_id",
    fingerprints.map((row) => row.session_id),
    { session_id: "VARCHAR", fingerprint: "VARCHAR" },
    fingerprints,
  ))
