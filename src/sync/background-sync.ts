import { spawn } from "node:child_process"

/** Starts `sync --quiet` detached and returns at once; its outcome goes to sync.log. */
export const startBackgroundSync = (cliPath: string, env: NodeJS.ProcessEnv): void => {
  spawn(process.execPath, [cliPath, "sync", "--quiet"], { detached: true, stdio: "ignore", env }).unref()
}
