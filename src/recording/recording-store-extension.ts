import { Effect } from "effect"
import type { StoreExtension } from "../local-store/store-extension.js"
import { ensureResponseClaims, responseClaimsTable } from "../usage/response-claims.js"
import { transcriptFingerprintsDdl } from "./transcript-fingerprints.js"

/**
 * Recording's local tables (never synced): backfill's file fingerprints, and the response claims
 * it fills. When the claims table is new, sessions recorded before it hold no claims: their
 * fingerprints are dropped so the next backfill reads them again (once).
 */
export const recordingStoreExtension: StoreExtension = {
  tables: ["transcript_fingerprints", responseClaimsTable],
  ensureTables: (db) =>
    db.run(transcriptFingerprintsDdl).pipe(
      Effect.zipRight(db.transaction(ensureResponseClaims(db).pipe(
        Effect.tap((created) => (created ? db.run(`DELETE FROM transcript_fingerprints`) : Effect.void)),
      ))),
    ),
}
