import { appendActivityLog } from "../config/activity-log.js"
import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { sessionStartOutput } from "../snapshot/hot-path.js"
import { startBackgroundSync, startDetached } from "../config/detached-command.js"
import { syncsMemory } from "../config/data-dir-config.js"
import { conflictBannerLine } from "../memory/conflict-summary.js"
import { usesHive } from "../hive/hive-target.js"
import { resolveRemoteTarget } from "../sync/remote-target.js"

/**
 * `session-start`, the SessionStart hook setup installs: prints the recent-sessions banner, the
 * inbox badge and any open memory conflict, and starts a background sync when a remote is
 * configured (with memory sync on, `memory sync`: push, exchange, then pull the memory files), and
 * a background `hive sync` when the user has a hive or subscribes to one.
 * Never reads stdin, never waits for the database, never fails.
 */
export const handleSessionStart = (cliPath: string, env: NodeJS.ProcessEnv): void => {
  const paths = dataPathsIn(resolveDataDir(env))
  const memory = syncsMemory(paths.dataDir)
  const output = [sessionStartOutput(env), memory ? conflictBannerLine(paths.dataDir) : ""].filter((part) => part !== "").join("\n")
  if (output !== "") process.stdout.write(`${output}\n`)
  try {
    // Its own try: an unreachable hive or a broken config must not keep the event sync from starting.
    if (usesHive(env, paths.dataDir)) startDetached(cliPath, ["hive", "sync", "--quiet"], env)
  } catch (error) {
    appendActivityLog(paths.log, `session-start: hive: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    if (resolveRemoteTarget(undefined, env, paths.dataDir, process.cwd()).kind === "none") return
    if (memory) startDetached(cliPath, ["memory", "sync", "--quiet"], env)
    else startBackgroundSync(cliPath, env)
  } catch (error) {
    appendActivityLog(paths.log, `session-start: ${error instanceof Error ? error.message : String(error)}`)
  }
}
