import { isAbsolute, resolve } from "node:path"
import { configuredRemote } from "../config/data-dir-config.js"
import { resolveToken } from "./motherduck-token.js"

/** Where events are exchanged: a MotherDuck database, or a DuckDB file (a shared folder, a test). */
export type RemoteTarget =
  | { readonly kind: "motherduck"; readonly database: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "none" }

export const defaultMotherDuckDatabase = "claude_sessions"

/** `md:` or `md:<database>` names MotherDuck; anything else is a path to a DuckDB file. */
export const parseRemote = (text: string, cwd: string): RemoteTarget => {
  const trimmed = text.trim()
  if (trimmed.startsWith("md:")) {
    const database = trimmed.slice(3).split("?")[0] ?? ""
    return { kind: "motherduck", database: database === "" ? defaultMotherDuckDatabase : database }
  }
  return { kind: "file", path: isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed) }
}

/**
 * `--remote`, else `$CLAUDE_LOGGER_REMOTE`, else the data dir's config.json, else MotherDuck's
 * `md:claude_sessions` when a MotherDuck token exists, else none (local only).
 */
export const resolveRemoteTarget = (
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  dataDir: string,
  cwd: string,
): RemoteTarget => {
  const named = flag ?? (env.CLAUDE_LOGGER_REMOTE?.trim() || undefined) ?? configuredRemote(dataDir)
  if (named !== undefined) return parseRemote(named, cwd)
  return resolveToken(env) === undefined ? { kind: "none" } : { kind: "motherduck", database: defaultMotherDuckDatabase }
}

/** For messages and `status`: never contains a token. */
export const describeRemote = (target: RemoteTarget): string =>
  target.kind === "motherduck" ? `md:${target.database}` : target.kind === "file" ? target.path : "none (local only)"
