import { execFileSync } from "node:child_process"

/**
 * Who is acting: `$CLAUDE_LOGGER_USER`, else `git config user.name`, else `unknown`.
 * Plain Node so the session-start launcher can use it without loading Effect.
 */
export const resolveActor = (env: NodeJS.ProcessEnv): string => {
  const explicit = env.CLAUDE_LOGGER_USER?.trim()
  if (explicit) return explicit
  try {
    const name = execFileSync("git", ["config", "user.name"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 2_000,
      env,
    }).trim()
    return name === "" ? "unknown" : name
  } catch {
    // git missing, or no user.name configured.
    return "unknown"
  }
}
