import { afterEach, describe, expect, it } from "vitest"
import { freshHome, userEnv } from "../support/cli.js"
import { openTerminal, type Terminal } from "../support/tmux.js"

/** `sessions` in a real terminal (tmux), as the Python version's users type it. */
let terminal: Terminal | undefined
afterEach(() => terminal?.close())

const screenOf = (args: ReadonlyArray<string>, until: (screen: string) => boolean) => {
  terminal = openTerminal(userEnv(freshHome(), { CLAUDE_LOGGER_USER: "alice" }), 120, 30, args)
  return terminal.screenUntil(until)
}

describe("sessions at a terminal", () => {
  it("bare, opens the browser", async () => {
    const screen = await screenOf(["sessions"], (text) => text.includes("1) Resume a session"))
    expect(screen).toContain("1) Resume a session  2) Summary  q) Quit")
  }, 30_000)

  it("with any option, prints the table", async () => {
    const screen = await screenOf(["sessions", "--limit", "5"], (text) => text.includes("No sessions recorded yet"))
    expect(screen).toContain("No sessions recorded yet")
    expect(screen).not.toContain("Resume a session")
  }, 30_000)
})
