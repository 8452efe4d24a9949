import { spawn } from "node:child_process"

/**
 * Starts `<cli> <args>` detached and returns at once: for follow-up work (a sync, a search index
 * refresh) that must not hold up a hook or the command the user waits for. Outcomes go to logs.
 */
export const startDetached = (cliPath: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): void => {
  spawn(process.execPath, [cliPath, ...args], { detached: true, stdio: "ignore", env }).unref()
}

export const startBackgroundSync = (cliPath: string, env: NodeJS.ProcessEnv): void => startDetached(cliPath, ["sync", "--quiet"], env)

export const startBackgroundIndex = (cliPath: string, env: NodeJS.ProcessEnv): void => startDetached(cliPath, ["index", "--quiet"], env)
