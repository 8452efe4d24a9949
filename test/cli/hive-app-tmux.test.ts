import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import stringWidth from "string-width"
import { afterEach, describe, expect, it } from "vitest"
import { memoryDevice, remoteFile } from "../support/memory-device.js"
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
    const alice = memoryDevice("alice", remoteFile())
    const aliceEnv = { ...alice.env, CLAUDE_HIVE: join(mkdtempSync(join(tmpdir(), "csl-hive-")), "alice-hive.duckdb") }
    alice.write("testing.md", "# Testing\nRun the suite with npm test before pushing.\n")
    alice.write(wideName, "# ログイン\nThe login fix needs the session cookie.\n")
    alice.write("aws.md", "the deploy key is AKIAIOSFODNN7EXAMPLE\n")

    // Alice, at 80x24: the files by project, the secret-looking one marked.
    terminal = openTerminal(aliceEnv, 80, 24, ["hive"])
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
    expect(applied).toContain("shared shop/testing.md")
    expect(applied).not.toContain("aws.md")
    await terminal.keys("q", "q")
    terminal.close()

    // Bob, at 120x35: paste the URL, take the project, apply; then refresh.
    const bob = memoryDevice("bob", remoteFile())
    terminal = openTerminal(bob.env, 120, 35, ["hive"])
    await terminal.screenUntil((screen) => screen.includes("1) Publish"))
    await terminal.keys("2")
    await terminal.screenUntil((screen) => screen.includes("No subscriptions yet"))
    await terminal.keys("n", url, "Enter")
    const projects = await terminal.screenUntil((screen) => screen.includes("[x] shop"), { timeoutMs: 30_000 })
    expect(projects).toContain(`Projects published at ${url}`)
    await terminal.keys("a")
    const subscribed = await terminal.screenUntil((screen) => screen.includes("wrote"), { timeoutMs: 30_000 })
    expect(subscribed).toContain("wrote ~/.claude/hive/shop/testing.md")
    await terminal.keys("q", "3")
    const refreshed = await terminal.screenUntil((screen) => screen.includes("r refresh again") && !screen.includes("refreshing every"), { timeoutMs: 30_000 })
    expect(refreshed, refreshed).not.toContain("✗")

    const hiveDir = join(bob.home, ".claude", "hive", "shop")
    expect(existsSync(hiveDir)).toBe(true)
    expect(readdirSync(hiveDir).filter((name) => name.endsWith(".md") && name !== "HIVE.md").sort()).toEqual([wideName, "testing.md"].sort())
    expect(readFileSync(join(hiveDir, "testing.md"), "utf8")).toContain("Run the suite with npm test")
  }, 120_000)
})
