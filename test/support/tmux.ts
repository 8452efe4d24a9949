import { spawnSync } from "node:child_process"
import { cliPath } from "./cli.js"

/**
 * Drives the real CLI in a real terminal (tmux), as a person would. Each terminal has a tmux
 * server of its own (`-L`): a server shuts down when its last session ends, and a `new-session`
 * that reaches it meanwhile — another test file's, or this file's next test — fails with
 * "server exited unexpectedly".
 */
const tmuxOn = (socket: string) => (...args: ReadonlyArray<string>) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" })
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
let opened = 0

export interface Terminal {
  /** What is on screen; with `colours`, the SGR escapes too (tmux capture-pane -e). */
  readonly screen: (colours?: boolean) => string
  readonly screenUntil: (predicate: (screen: string) => boolean, options?: { readonly colours?: boolean; readonly timeoutMs?: number }) => Promise<string>
  /** One key at a time, as a person types (tmux would otherwise deliver them as one burst). */
  readonly keys: (...keys: ReadonlyArray<string>) => Promise<void>
  readonly close: () => void
}

/**
 * The CLI (bare, or with `args`; or another of its bins, `bin`) in a `width`×`height` terminal with
 * exactly `env` (tmux adds TERM, as a terminal does). The pane stays open after the program exits,
 * so what it printed can be read.
 */
export const openTerminal = (env: NodeJS.ProcessEnv, width: number, height: number, args: ReadonlyArray<string> = [], bin = cliPath): Terminal => {
  const session = `csl-${process.pid}-${++opened}`
  const tmux = tmuxOn(session)
  if (tmux("-V").error) throw new Error("tmux is needed for this test (.ci/run installs it)")
  const command = `env ${Object.entries(env).map(([name, value]) => `${name}='${value}'`).join(" ")} ${process.execPath} ${bin} ${args.join(" ")}; sleep 30`
  const started = tmux("new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command)
  if (started.status !== 0) throw new Error(`tmux: ${started.stderr}`)
  const screen = (colours = false) => tmux("capture-pane", "-t", session, "-p", ...(colours ? ["-e"] : [])).stdout
  return {
    screen,
    screenUntil: async (predicate, options = {}) => {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000)
      let shown = ""
      while (Date.now() < deadline) {
        shown = screen(options.colours)
        if (predicate(shown)) return shown
        await sleep(100)
      }
      return shown
    },
    keys: async (...keys) => {
      for (const key of keys) {
        tmux("send-keys", "-t", session, key)
        await sleep(40)
      }
    },
    close: () => void tmux("kill-server"),
  }
}
