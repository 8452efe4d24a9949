import { spawnSync } from "node:child_process"
import { existsSync, rmSync } from "node:fs"
import { join } from "node:path"
import type { HooksByEvent } from "./hook-entries.js"

/**
 * The wiring of the Python original (claude-session-logger 0.3.45), which this version replaces:
 * its `recent`, `inbox --count` and `record` hooks, the `launchctl kickstart` of its flush agent,
 * that LaunchAgent, its crontab line, its memory hooks (`claude_session_logger.memory pull` and
 * `… hook`, replaced by `memory hook` and the session-start memory sync) and its hive hook
 * (`claude_session_logger.hive sync`, replaced by the session-start `hive sync`).
 */
const replacedCommand = /\bclaude_session_logger\.(cli|memory|hive)\b|com\.keithfajardo\.claude-session-logger\.flush\b/

export const isReplacedLegacyHook = (hook: { readonly command?: unknown }): boolean =>
  typeof hook.command === "string" && replacedCommand.test(hook.command)

const commandsOf = (hooks: HooksByEvent | undefined, matches: (command: string) => boolean) =>
  Object.values(hooks ?? {}).flatMap((groups) => groups.flatMap((group) => group.hooks))
    .map((hook) => hook.command).filter((command) => typeof command === "string" && matches(command))

export const replacedLegacyHooks = (hooks: HooksByEvent | undefined) => commandsOf(hooks, (command) => replacedCommand.test(command))

export const legacyLaunchAgentPath = (home: string): string =>
  join(home, "Library", "LaunchAgents", "com.keithfajardo.claude-session-logger.flush.plist")

/** Unloads (on macOS) and deletes the original's flush LaunchAgent; true when there was one. */
export const removeLegacyLaunchAgent = (home: string): boolean => {
  const path = legacyLaunchAgentPath(home)
  if (!existsSync(path)) return false
  if (process.platform === "darwin") spawnSync("launchctl", ["unload", path], { stdio: "ignore" })
  rmSync(path)
  return true
}

/** The original's crontab line runs its CLI module (`python3 -m claude_session_logger.cli sync`). */
export const isLegacyCronLine = (line: string): boolean => /\bclaude_session_logger\.cli\b/.test(line)
