import { statSync } from "node:fs"
import { homedir } from "node:os"
import { join } from "node:path"

/** Every file the tool keeps, under one data dir. */
export interface DataPaths {
  readonly dataDir: string
  readonly database: string
  readonly spoolDir: string
  readonly snapshot: string
  readonly deviceId: string
  readonly log: string
  /** Where background syncs report, since no one watches their terminal. */
  readonly syncLog: string
  /** The user's prices, over the bundled ones. */
  readonly prices: string
  /** The user's session-type rules. */
  readonly sessionTypes: string
}

export const dataPathsIn = (dataDir: string): DataPaths => ({
  dataDir,
  database: join(dataDir, "sessions.duckdb"),
  spoolDir: join(dataDir, "spool"),
  snapshot: join(dataDir, "snapshot.json"),
  deviceId: join(dataDir, "device-id"),
  log: join(dataDir, "claude-session-logger.log"),
  syncLog: join(dataDir, "sync.log"),
  prices: join(dataDir, "prices.json"),
  sessionTypes: join(dataDir, "session_types.yaml"),
})

/**
 * Something other than a folder (a stray file) where the data dir belongs: no command can work until it moves.
 * A data dir that cannot even be looked at (a file among its parents) has no such file to move:
 * opening the store then says why it cannot be created.
 */
export const dataDirIsAFile = (dataDir: string): boolean => {
  try {
    return statSync(dataDir, { throwIfNoEntry: false })?.isDirectory() === false
  } catch {
    return false
  }
}

export const resolveDataDir = (env: NodeJS.ProcessEnv): string =>
  env.CLAUDE_LOGGER_HOME && env.CLAUDE_LOGGER_HOME.trim() !== ""
    ? env.CLAUDE_LOGGER_HOME
    : join(env.HOME ?? homedir(), ".claude", "claude-session-logger")

/**
 * Claude Code's data dirs, where `projects/` holds the transcripts:
 * `$CLAUDE_CONFIG_DIR` (comma-separated) if set, else `~/.claude` and `$XDG_CONFIG_HOME/claude`.
 */
export const claudeDataDirs = (env: NodeJS.ProcessEnv): ReadonlyArray<string> => {
  const configured = (env.CLAUDE_CONFIG_DIR ?? "")
    .split(",")
    .map((dir) => dir.trim())
    .filter((dir) => dir !== "")
  if (configured.length > 0) return configured
  const home = env.HOME ?? homedir()
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== "" ? env.XDG_CONFIG_HOME : join(home, ".config")
  return [join(home, ".claude"), join(xdg, "claude")]
}
