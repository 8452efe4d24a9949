import { appendActivityLog } from "../config/activity-log.js"
import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { startDetached } from "../config/detached-command.js"
import { enqueueRecording, pendingFromHookInput } from "./pending-recordings.js"
import { readHookInput } from "./hook-input.js"

/**
 * Claude Code closes the hook's stdin once it has written the JSON; if it does not, `record` goes
 * on with what arrived after this long, well within the hook's 10 s timeout.
 */
const stdinDeadlineMs = 2_000

/**
 * `record`, as Claude Code's SessionEnd hook runs it. Within a few milliseconds: read the hook
 * JSON, queue it durably, start a detached drain to parse and record it (and then sync, unless
 * told not to, and refresh the search index), exit. It never fails and never prints: problems go to the log.
 */
export const handleSessionEnd = async (cliPath: string, env: NodeJS.ProcessEnv, options: { readonly sync: boolean }): Promise<void> => {
  const paths = dataPathsIn(resolveDataDir(env))
  const stdin = process.stdin.isTTY ? "" : await readHookInput(process.stdin, stdinDeadlineMs)
  const pending = pendingFromHookInput(stdin, new Date())
  if (typeof pending === "string") {
    appendActivityLog(paths.log, `record: nothing recorded: ${pending}`)
    return
  }
  try {
    enqueueRecording(paths.dataDir, pending)
  } catch (error) {
    appendActivityLog(
      paths.log,
      `record: could not queue session ${pending.sessionId} (transcript ${pending.transcriptPath}): ${error instanceof Error ? error.message : String(error)}; run \`claude-session-logger backfill\` once ${paths.dataDir} is writable`,
    )
    return
  }
  try {
    startDetached(cliPath, ["process-recordings", "--quiet", ...(options.sync ? [] : ["--no-sync"])], env)
  } catch (error) {
    appendActivityLog(paths.log, `record: queued ${pending.sessionId}, but could not start recording it: ${error instanceof Error ? error.message : String(error)}; the next hook or \`claude-session-logger process-recordings\` records it`)
  }
}
