import { appendActivityLog } from "../config/activity-log.js"
import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { sessionStartOutput } from "../snapshot/hot-path.js"
import { startBackgroundSync } from "../config/detached-command.js"
import { resolveRemoteTarget } from "../sync/remote-target.js"

/**
 * `session-start`, the SessionStart hook setup installs: prints the recent-sessions banner and
 * the inbox badge from the snapshot, and starts a background sync when a remote is configured.
 * Never reads stdin, never waits for the database, never fails.
 */
export const handleSessionStart = (cliPath: string, env: NodeJS.ProcessEnv): void => {
  const output = sessionStartOutput(env)
  if (output !== "") process.stdout.write(`${output}\n`)
  const paths = dataPathsIn(resolveDataDir(env))
  try {
    if (resolveRemoteTarget(undefined, env, paths.dataDir, process.cwd()).kind !== "none") startBackgroundSync(cliPath, env)
  } catch (error) {
    appendActivityLog(paths.log, `session-start: ${error instanceof Error ? error.message : String(error)}`)
  }
}
