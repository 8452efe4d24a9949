import { Effect } from "effect"
import { eventTablesDdl } from "../events/event-store.js"
import { ensureProjections } from "../projections/projector.js"
import { ensureResponseClaims } from "../recording/response-owners.js"
import { transcriptFingerprintsDdl } from "../recording/transcript-fingerprints.js"
import { ensureSyncBookkeeping } from "../sync/sync-bookkeeping.js"
import type { Db } from "./database.js"

/** Creates what is missing and refolds outdated projections; safe to run on every open. */
export const ensureSchema = (db: Db) =>
  Effect.forEach([...eventTablesDdl, transcriptFingerprintsDdl], (ddl) => db.run(ddl), { discard: true }).pipe(
    Effect.zipRight(ensureResponseClaims(db)),
    Effect.zipRight(ensureSyncBookkeeping(db)),
    Effect.zipRight(ensureProjections(db)),
  )
