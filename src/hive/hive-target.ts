import { configuredHive } from "../config/data-dir-config.js"
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
