import { spawnSync } from "node:child_process"
import { afterEach, describe, expect, it } from "vitest"
import { cliPath, freshHome, userEnv } from "../support/cli.js"

/** `sessions` in a real terminal (tmux), as the Python version's users type it. */
const tmux = (...args: ReadonlyArray<string>) => spawnSync("tmux", args, { encoding: "utf8" })
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

let session = ""
afterEach(() => {
  if (session !== "") tmux("kill-session", "-t", session)
  session = ""
})

const screenOf = async (args: string, until: (screen: string) => boolean) => {
  if (tmux("-V").error) throw new Error("tmux is needed for this test (.ci/run installs it)")
  const env = userEnv(freshHome(), { CLAUDE_LOGGER_USER: "alice" })
  session = `csl-sessions-${process.pid}-${Date.now()}`
  // `; sleep` keeps the pane open after a command that prints and exits, so its output can be read.
  const command = `env ${Object.entries(env).map(([name, value]) => `${name}='${value}'`).join(" ")} ${process.execPath} ${cliPath} ${args}; sleep 30`
  expect(tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", command).status).toBe(0)
  const deadline = Date.now() + 10_000
  let screen = ""
  while (Date.now() < deadline) {
    screen = tmux("capture-pane", "-t", session, "-p").stdout
    if (until(screen)) break
    await sleep(100)
  }
  return screen
}

describe("sessions at a terminal", () => {
  it("bare, opens the browser", async () => {
    const screen = await screenOf("sessions", (text) => text.includes("1) Resume a session"))
    expect(screen).toContain("1) Resume a session  2) Summary  q) Quit")
  }, 30_000)

  it("with any option, prints the table", async () => {
    const screen = await screenOf("sessions --limit 5", (text) => text.includes("No sessions recorded yet"))
    expect(screen).toContain("No sessions recorded yet")
    expect(screen).not.toContain("Resume a session")
  }, 30_000)
})
