import { Effect } from "effect"
import type { StoreExtension } from "../local-store/store-extension.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { ensureResponseClaims, responseClaimsTable } from "../usage/response-claims.js"
import { activityTable, ensureActivityTable } from "./activity-table.js"
import { dropFingerprintCache } from "./fingerprint-cache.js"
import { ensureTranscriptFingerprints } from "./transcript-fingerprints.js"

/** The table is new or emptied: its copy beside the store (an in-memory store has none) no longer stands for it. */
const fingerprintsReset = (db: Db) => Effect.sync(() => (db.path === ":memory:" ? undefined : dropFingerprintCache(db.path)))

/**
 * A table recording fills from transcripts: when it is new, sessions recorded before it have no
 * rows in it, so their fingerprints are dropped and the next backfill reads them again (once).
 */
const filledByRecording = (db: Db, created: Effect.Effect<boolean, DatabaseFailed>) =>
  db.transaction(created.pipe(
    Effect.tap((isNew) => (isNew ? db.run(`DELETE FROM transcript_fingerprints`).pipe(Effect.zipRight(fingerprintsReset(db))) : Effect.void)),
  ))

/** Recording's local tables (never synced): backfill's file fingerprints, the response claims and the activity it fills. */
export const recordingStoreExtension: StoreExtension = {
  tables: ["transcript_fingerprints", responseClaimsTable, activityTable],
  ensureTables: (db) =>
    ensureTranscriptFingerprints(db).pipe(
      Effect.tap((isNew) => (isNew ? fingerprintsReset(db) : Effect.void)),
      Effect.zipRight(filledByRecording(db, ensureResponseClaims(db))),
      Effect.zipRight(filledByRecording(db, ensureActivityTable(db))),
    ),
}
