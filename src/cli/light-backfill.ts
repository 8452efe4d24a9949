import { claudeDataDirs, dataDirIsAFile, dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { spooledFileNames } from "../events/spool-files.js"
import { cachedFingerprints } from "../recording/fingerprint-cache.js"
import { discoverSessions, filesFingerprint } from "../transcript/session-files.js"
import { backfillSummaryText } from "./backfill-text.js"

/**
 * A bare `backfill` over a history whose every file is as the last backfill left it, answered
 * without Effect or DuckDB: from the copy of the fingerprints table beside the store
 * (recording/fingerprint-cache.ts), printing what the full CLI would. Anything else goes to the
 * full CLI: a session new or changed, an option, events waiting in the spool (the full CLI stores
 * them as it opens), or no copy that stands for this store. The launcher skips this path when
 * `CLAUDE_LOGGER_FULL_CLI` is set.
 */
export const answeredLight = (env: NodeJS.ProcessEnv): boolean => {
  const dataDir = resolveDataDir(env)
  if (dataDirIsAFile(dataDir)) return false
  const paths = dataPathsIn(dataDir)
  if (spooledFileNames(paths.spoolDir).length > 0) return false
  const known = cachedFingerprints(paths.database)
  if (known === undefined) return false
  const found = discoverSessions(claudeDataDirs(env))
  if (found.some((files) => known.get(files.sessionId) !== filesFingerprint(files))) return false
  const skipped = found.length
  process.stdout.write(`${backfillSummaryText({ found: skipped, recorded: 0, unchanged: 0, skipped, notRecorded: 0, malformedLines: 0, unknownModels: [] })}\n`)
  return true
}
