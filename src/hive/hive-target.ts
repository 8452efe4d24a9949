import { existsSync } from "node:fs"
import { join } from "node:path"
import { configuredHive } from "../config/data-dir-config.js"
import { claudeDataDirs, dataPathsIn } from "../config/data-paths.js"
import { readSnapshot } from "../snapshot/session-start-snapshot.js"
import { resolveToken } from "../sync/motherduck-token.js"
import { parseRemote, type RemoteTarget } from "../sync/remote-target.js"

/** The MotherDuck database a user's own hive lives in; teammates attach its share. */
export const motherDuckHiveDatabase = "claude_hive"

export type HiveTarget = Exclude<RemoteTarget, { kind: "none" }>

/**
 * This user's own hive: `$CLAUDE_HIVE`, else `hive` in the data dir's config.json, else
 * `md:claude_hive` when a MotherDuck token exists; undefined when none of them is there.
 */
export const ownHiveTarget = (env: NodeJS.ProcessEnv, dataDir: string, cwd: string): HiveTarget | undefined => {
  const named = env.CLAUDE_HIVE?.trim() || configuredHive(dataDir)
  if (named !== undefined) return hiveTarget(named, cwd)
  return resolveToken(env) === undefined ? undefined : { kind: "motherduck", database: motherDuckHiveDatabase }
}

/** A hive URL: `md:_share/…` (a teammate's MotherDuck share), `md:<database>`, or a DuckDB file path. */
export const hiveTarget = (url: string, cwd: string): HiveTarget => {
  const target = parseRemote(url, cwd)
  return target.kind === "none" ? { kind: "file", path: url } : target
}

/** How a hive is named in subscriptions and messages: the share URL, or the file's absolute path. */
export const hiveUrlOf = (target: HiveTarget): string => (target.kind === "file" ? target.path : `md:${target.database}`)

/**
 * `~/.claude/hive` (in Claude Code's first data dir): made by the first publish or subscribe, it
 * holds the read-only copies of teammates' memory.
 */
export const hiveDirIn = (claudeDir: string) => join(claudeDir, "hive")

/**
 * Whether session start has hive work to start: the user named a hive of their own, or has
 * published or subscribed — here (the hive folder) or on another device (the snapshot says so
 * once sync brought the events). A MotherDuck token alone is not a hive in use. Plain file
 * checks: the hook never waits for the database.
 */
export const usesHive = (env: NodeJS.ProcessEnv, dataDir: string): boolean =>
  Boolean(env.CLAUDE_HIVE?.trim() || configuredHive(dataDir)) ||
  claudeDataDirs(env).slice(0, 1).some((claudeDir) => existsSync(hiveDirIn(claudeDir))) ||
  readSnapshot(dataPathsIn(dataDir).snapshot)?.hiveInUse === true
