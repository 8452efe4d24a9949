import stringWidth from "string-width"
import { afterEach, describe, expect, it } from "vitest"
import { hiveBin, hiveUser, hiveWorld } from "../support/hive-user.js"
import { runCli } from "../support/cli.js"
import { openTerminal, type Terminal } from "../support/tmux.js"

let terminal: Terminal | undefined
afterEach(() => terminal?.close())

const wideName = "ログイン修正🚀.md"

/** The line after the app's "Give this URL" line, as drawn: the share URL. */
const urlOnScreen = (screen: string) => {
  const lines = screen.split("\n")
  return lines[lines.findIndex((line) => line.startsWith("Give this URL to a teammate")) + 1]?.trim() ?? ""
}

describe("the claude-hive app in a real terminal", () => {
  it("alice publishes two files and reads the URL off the screen; bob, in another HOME, subscribes to it and refreshes", async () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    alice.writeMemory("testing.md", "# Testing\nRun the suite with npm test before pushing.\n")
    alice.writeMemory(wideName, "# ログイン\nThe login fix needs the session cookie.\n")
    alice.writeMemory("aws.md", "the deploy key is AKIAIOSFODNN7EXAMPLE\n")

    // Alice, at 80x24: the files by project, the secret-looking one marked.
    terminal = openTerminal(alice.env, 80, 24, [], hiveBin)
    expect(await terminal.screenUntil((screen) => screen.includes("1) Publish"))).toContain("1 Publish · 2 Subscribe · 3 Refresh · q quit")
    await terminal.keys("1")
    const files = await terminal.screenUntil((screen) => screen.includes("testing.md"))
    expect(files).toContain("⚠ secret? AWS access key")
    expect(files).toContain(wideName)
    expect(Math.max(...files.split("\n").map((line) => stringWidth(line))), files).toBeLessThanOrEqual(80)
    // Sorted by name: aws.md, testing.md, then the wide one. Space on the secret one only asks.
    await terminal.keys("Space")
    expect(await terminal.screenUntil((screen) => screen.includes("press y"))).toContain("aws.md seems to hold a secret")
    await terminal.keys("n", "Down", "Space", "Down", "Space")
    const coloured = await terminal.screenUntil((screen) => screen.split("[x]").length === 3, { colours: true })
    expect(coloured).toMatch(/\u001b\[32m\[x\]/)
    await terminal.keys("a")
    const applied = await terminal.screenUntil((screen) => screen.includes("Give this URL"), { timeoutMs: 30_000 })
    const url = urlOnScreen(applied)
    expect(url, applied).not.toBe("")
    expect(applied).toContain("published shop/testing.md")
    expect(applied).not.toContain("aws.md")
    await terminal.keys("q", "q")
    terminal.close()

    // Bob, at 120x35: paste the URL, take the project, apply; then refresh.
    const bob = hiveUser(world, "bob")
    terminal = openTerminal(bob.env, 120, 35, [], hiveBin)
    await terminal.screenUntil((screen) => screen.includes("1) Publish"))
    await terminal.keys("2")
    await terminal.screenUntil((screen) => screen.includes("No subscriptions yet"))
    // A dead URL and an unreachable md: hive are one line each in the app, which carries on.
    for (const [dead, why] of [[`${world}/nobody.duckdb`, "database does not exist"], ["md:claude_hive", "no MotherDuck token"]] as const) {
      await terminal.keys("n", dead, "Enter")
      const failed = await terminal.screenUntil((screen) => screen.includes("✗"), { timeoutMs: 30_000 })
      const errorLines = failed.split("\n").filter((line) => line.startsWith("✗"))
      expect(errorLines, failed).toHaveLength(1)
      expect(errorLines[0]).toContain(`✗ cannot reach the hive ${dead}`)
      // Wrapped, not cut, so the reason at its end can be read.
      expect(failed.replace(/\s+/g, " ")).toContain(why)
      await terminal.keys("Escape")
    }
    await terminal.keys("n", url, "Enter")
    const projects = await terminal.screenUntil((screen) => screen.includes("[x] shop"), { timeoutMs: 30_000 })
    expect(projects).toContain(`Projects published at ${url}`)
    await terminal.keys("a")
    const subscribed = await terminal.screenUntil((screen) => screen.includes("wrote"), { timeoutMs: 30_000 })
    expect(subscribed).toContain("wrote ~/.claude/hive/shop/testing.md")
    await terminal.keys("q", "3")
    const refreshed = await terminal.screenUntil((screen) => screen.includes("r refresh again") && !screen.includes("refreshing every"), { timeoutMs: 30_000 })
    expect(refreshed, refreshed).not.toContain("✗")

    expect(bob.hiveFiles().filter((path) => path.startsWith("shop/"))).toEqual([`shop/${wideName}`, "shop/testing.md"].sort())
    expect(bob.readHive("shop/testing.md")).toContain("Run the suite with npm test")
  }, 120_000)

  it("with NO_COLOR the app has no colours, and the toggles and cursor still show as text", async () => {
    const alice = hiveUser(hiveWorld(), "alice")
    alice.writeMemory("testing.md", "# Testing\n")
    terminal = openTerminal({ ...alice.env, NO_COLOR: "1" }, 80, 24, [], hiveBin)
    await terminal.screenUntil((screen) => screen.includes("1) Publish"))
    await terminal.keys("1")
    await terminal.screenUntil((screen) => screen.includes("testing.md"))
    await terminal.keys("Space")
    const screen = await terminal.screenUntil((shown) => shown.includes("[x] testing.md"), { colours: true })
    expect(screen).toContain("› [x] testing.md")
    expect(screen).not.toMatch(/\u001b\[3[1-7]m/)
  }, 30_000)
})

describe("bare claude-hive", () => {
  it("not at a terminal prints the hive help and exits 0", () => {
    const alice = hiveUser(hiveWorld(), "alice")
    const result = alice.hive([])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain("Share memory with teammates")
    expect(result.stdout).toContain("- publish")
    // The same as `claude-session-logger hive`.
    expect(runCli(["hive"], { env: alice.env }).stdout).toBe(result.stdout)
  })
})
