import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { build } from "plist"

export const launchAgentLabel = "com.claude-session-logger.sync"

export const launchAgentPath = (home: string): string => join(home, "Library", "LaunchAgents", `${launchAgentLabel}.plist`)

/**
 * macOS: a LaunchAgent that runs a quiet sync every 15 minutes. It holds no token: sync reads
 * the token file itself. Returns true when the agent was written or changed.
 */
export const installLaunchAgent = (home: string, programArguments: ReadonlyArray<string>, environment: Readonly<Record<string, string>>): boolean => {
  const path = launchAgentPath(home)
  const plist = build({
    Label: launchAgentLabel,
    ProgramArguments: [...programArguments],
    EnvironmentVariables: { HOME: home, ...environment },
    StartInterval: 900,
    RunAtLoad: true,
  })
  if (existsSync(path) && readFileSync(path, "utf8") === plist) return false
  mkdirSync(join(home, "Library", "LaunchAgents"), { recursive: true })
  spawnSync("launchctl", ["unload", path], { stdio: "ignore" })
  writeFileSync(path, plist)
  spawnSync("launchctl", ["load", path], { stdio: "ignore" })
  return true
}

export const removeLaunchAgent = (home: string): boolean => {
  const path = launchAgentPath(home)
  if (!existsSync(path)) return false
  spawnSync("launchctl", ["unload", path], { stdio: "ignore" })
  rmSync(path)
  return true
}
