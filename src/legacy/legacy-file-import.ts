import { Effect } from "effect"
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { AppConfig } from "../config/app-config.js"
import { LocalStore } from "../local-store/local-store.js"
import { LegacySourceUnusable } from "./legacy-errors.js"
import { importLegacy, type LegacySource, ownFileSource } from "./legacy-import.js"

const sourceCatalog = "csl_legacy_source"
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`

/**
 * `import-legacy [--from FILE]`: imports the original's tables from FILE (opened read-only), or
 * from the store's own file, whether or not they were imported before. Idempotent.
 */
export const importLegacyFile = (from: string | undefined) =>
  Effect.gen(function* () {
    const { actor, paths } = yield* AppConfig
    const path = from === undefined ? paths.database : resolve(from)
    const ownFile = path === resolve(paths.database)
    if (!ownFile && !existsSync(path)) return yield* new LegacySourceUnusable({ source: path, reason: "no such file" })
    const imported = yield* (yield* LocalStore).use((session) =>
      Effect.gen(function* () {
        const { db } = session
        if (ownFile) return yield* importLegacy(session, yield* ownFileSource(db), actor, { force: true })
        yield* db.run(`ATTACH ${sqlString(path)} AS ${sourceCatalog} (READ_ONLY)`).pipe(
          Effect.mapError((error) => new LegacySourceUnusable({ source: path, reason: error.reason.split("\n")[0] ?? error.reason })),
        )
        const source: LegacySource = { key: `file:${path}`, catalog: sourceCatalog, withWatermark: true }
        return yield* importLegacy(session, source, actor, { force: true }).pipe(
          Effect.ensuring(db.run(`DETACH ${sourceCatalog}`).pipe(Effect.ignore)),
        )
      })
    )
    if (imported === undefined) {
      return yield* new LegacySourceUnusable({
        source: path,
        reason: "it holds none of the tables of claude-session-logger 0.3.45 (log_entries, sessions)",
      })
    }
    return { ...imported, source: path }
  })
