import { readFileSync } from "node:fs"
import { appendActivityLog } from "../config/activity-log.js"
import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { startDetached } from "../config/detached-command.js"
import { enqueueRecording, pendingFromHookInput } from "./pending-recordings.js"

/**
 * `record`, as Claude Code's SessionEnd hook runs it. Within a few milliseconds: read the hook
 * JSON, queue it durably, start a detached drain to parse and record it (and then sync, unless
 * told not to, and refresh the search index), exit. It never fails and never prints: problems go to the log.
 */
export const handleSessionEnd = (cliPath: string, env: NodeJS.ProcessEnv, options: { readonly sync: boolean }): void => {
  const paths = dataPathsIn(resolveDataDir(env))
  try {
    const stdin = process.stdin.isTTY ? "" : readFileSync(0, "utf8")
    const pending = pendingFromHookInput(stdin, new Date())
    if (typeof pending === "string") {
      appendActivityLog(paths.log, `record: nothing recorded: ${pending}`)
      return
    }
    enqueueRecording(paths.dataDir, pending)
    startDetached(cliPath, ["process-recordings", "--quiet", ...(options.sync ? [] : ["--no-sync"])], env)
  } catch (error) {
    appendActivityLog(paths.log, `record: ${error instanceof Error ? error.message : String(error)}`)
  }
}
