import { Effect } from "effect"
import type { StoreExtension } from "../local-store/store-extension.js"
import { ensureResponseClaims } from "./response-owners.js"
import { transcriptFingerprintsDdl } from "./transcript-fingerprints.js"

/** Recording's local tables (never synced): backfill's file fingerprints, then the response claims. */
export const recordingStoreExtension: StoreExtension = {
  tables: ["transcript_fingerprints", "response_claims"],
  ensureTables: (db) => db.run(transcriptFingerprintsDdl).pipe(Effect.zipRight(ensureResponseClaims(db))),
}
