import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { appendRateLimitSample, rateLimitHistoryPath } from "./rate-limit-history.js"
import { readSnapshot } from "./session-start-snapshot.js"
import { parseStatusLineInput } from "./status-line-input.js"
import { statusLine } from "./status-line.js"

/**
 * What `statusline` prints for Claude Code's stdin JSON. It reads only the snapshot (never
 * DuckDB, never the network) and records the rate-limit readings it is given. The inbox reader is
 * the snapshot's user unless $CLAUDE_LOGGER_USER names one: no `git config` runs per message.
 */
export const statusLineOutput = (stdin: string, env: NodeJS.ProcessEnv, now: Date): string => {
  const dataDir = resolveDataDir(env)
  const snapshot = readSnapshot(dataPathsIn(dataDir).snapshot)
  const input = parseStatusLineInput(stdin)
  if (input.fiveHour !== undefined || input.sevenDay !== undefined) {
    try {
      appendRateLimitSample(rateLimitHistoryPath(dataDir), { at: now.toISOString(), five_hour: input.fiveHour, seven_day: input.sevenDay })
    } catch {
      // No data dir yet, or a full disk: the line matters more than the history.
    }
  }
  try {
    const reader = env.CLAUDE_LOGGER_USER?.trim() || snapshot?.usage?.actor || ""
    return statusLine({ snapshot, input, now, reader })
  } catch {
    // A snapshot of an unexpected shape (hand-edited, another version): the line from the input alone.
    return statusLine({ snapshot: undefined, input, now, reader: "" })
  }
}
