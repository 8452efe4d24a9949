import { render } from "ink-testing-library"
import stringWidth from "string-width"
import { describe, expect, it } from "vitest"
import type { HiveActions } from "../../src/tui/hive-actions.js"
import { hiveFile, sampleHiveFiles } from "../support/hive-files.js"
import { HiveApp } from "../../src/tui/hive-app.js"

const files = sampleHiveFiles

const fakeHive = (overrides: Partial<HiveActions> = {}) => {
  const calls: Array<string> = []
  const actions: HiveActions = {
    publishableFiles: async () => files,
    publish: async (ids, allowed) => (calls.push(`publish ${ids.join(",")} allowing ${allowed.join(",")}`), { lines: ids.map((id) => `published ${id}`), url: "md:_share/claude_hive/5a1e" }),
    projectsAt: async (url) => (url.includes("dead") ? Promise.reject(new Error(`cannot reach the hive ${url}: no such share\n    at stack`)) : ["api", "web"]),
    subscriptions: async () => [],
    subscribe: async (url, projects) => (calls.push(`subscribe ${url} ${projects === "all" ? "all" : projects.join(",")}`), ["wrote ~/.claude/hive/api/deploy.md"]),
    unsubscribe: async (url) => [`unsubscribed from ${url}`],
    sync: async () => ["1 file written", "md:_share/x unreachable: no network"],
    ...overrides,
  }
  return { actions, calls }
}

const tick = (ms = 30) => new Promise((done) => setTimeout(done, ms))

const open = async (overrides: Partial<HiveActions> = {}) => {
  const { actions, calls } = fakeHive(overrides)
  const app = render(<HiveApp actions={actions} />)
  const frame = () => app.lastFrame() ?? ""
  const until = async (shown: (screen: string) => boolean) => {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline && !shown(frame()); ) await tick()
    return frame()
  }
  const type = async (...keys: ReadonlyArray<string>) => {
    for (const key of keys) {
      app.stdin.write(key)
      await tick()
    }
  }
  await tick()
  return { app, frame, until, type, calls }
}

describe("the claude-hive app", () => {
  it("opens on its menu with the keys in the footer", async () => {
    const { frame } = await open()
    expect(frame()).toContain("1) Publish")
    expect(frame()).toContain("2) Subscribe")
    expect(frame()).toContain("3) Refresh")
    expect(frame()).toContain("1 Publish · 2 Subscribe · 3 Refresh · q quit")
  })

  it("Publish: files by project with toggles; a secret-looking file only after y; apply shows what went out and the URL", async () => {
    const { type, until, calls } = await open()
    await type("1")
    const list = await until((screen) => screen.includes("deploy.md"))
    const lines = list.split("\n")
    expect(lines.findIndex((line) => line.trim() === "api")).toBeLessThan(lines.findIndex((line) => line.includes("deploy.md")))
    expect(list).toContain("[x] testing.md")
    expect(list).toContain("⚠ secret? AWS access key")
    // Every row is cut to the terminal: a CJK and emoji name shifts nothing.
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100)
    await type("\x1b[B", " ")
    expect(await until((screen) => screen.includes("press y"))).toContain("keys.md seems to hold a secret (AWS access key)")
    await type("y", "\x1b[A", " ", "a")
    const applied = await until((screen) => screen.includes("md:_share/claude_hive/5a1e"))
    expect(calls).toEqual(["publish api/deploy.md,api/keys.md,web/testing.md allowing api/keys.md"])
    expect(applied).toContain("published api/keys.md")
    expect(applied).toContain("Give this URL to a teammate")
  })

  it("a list longer than the terminal scrolls with the cursor, the title and keys staying on screen", async () => {
    const many = Array.from({ length: 40 }, (_, index) => hiveFile(index < 20 ? "api" : "web", `note-${String(index).padStart(2, "0")}.md`))
    const { type, until, frame } = await open({ publishableFiles: async () => many })
    await type("1")
    await until((screen) => screen.includes("note-00.md"))
    for (let n = 0; n < 30; n++) await type("\x1b[B")
    const lines = frame().split("\n")
    expect(lines.length).toBeLessThanOrEqual(24)
    expect(lines[0]).toBe("claude-hive · Publish")
    expect(lines.find((line) => line.startsWith("› "))).toContain("note-30.md")
    expect(lines.at(-1)).toContain("a apply")
  })

  it("Subscribe: a pasted URL's projects are toggled and applied; a dead URL is one line in the app, no stack", async () => {
    const { type, until, calls } = await open()
    await type("2")
    await until((screen) => screen.includes("No subscriptions yet"))
    await type("n", "md:_share/dead")
    await type("\r")
    const failed = await until((screen) => screen.includes("✗"))
    expect(failed).toContain("✗ cannot reach the hive md:_share/dead: no such share")
    expect(failed).not.toContain("at stack")
    expect(failed).toContain("Share URL: md:_share/dead")
    for (let n = 0; n < "dead".length; n++) await type("\x7f")
    await type("alice", "\r")
    await until((screen) => screen.includes("Projects published at md:_share/alice"))
    await type(" ", "a")
    expect(await until((screen) => screen.includes("wrote ~/.claude/hive"))).toContain("wrote ~/.claude/hive/api/deploy.md")
    expect(calls).toEqual(["subscribe md:_share/alice web"])
  })

  it("Subscribe lists the subscriptions with their projects, files and the last error", async () => {
    const { type, until } = await open({
      subscriptions: async () => [
        { url: "/srv/hives/alice.duckdb", projects: "all", files: 2, lastError: null },
        { url: "md:_share/claude_hive/0b0b", projects: ["api"], files: 0, lastError: "no MotherDuck token" },
      ],
    })
    await type("2")
    const list = await until((screen) => screen.includes("0b0b"))
    expect(list).toContain("› /srv/hives/alice.duckdb (every project) · 2 file(s)")
    expect(list).toContain("  md:_share/claude_hive/0b0b (api) · 0 file(s) ✗ no MotherDuck token")
  })

  it("Refresh: runs a sync at once and shows its result lines", async () => {
    const { type, until } = await open()
    await type("3")
    const refreshed = await until((screen) => screen.includes("1 file written"))
    expect(refreshed).toContain("md:_share/x unreachable: no network")
    expect(refreshed).toContain("r refresh again · q back")
  })

  it("an error longer than the terminal is wrapped between words onto a second line, never cut", async () => {
    const message = "cannot reach the hive md:claude_hive: no MotherDuck token (motherduck_token, MOTHERDUCK_TOKEN or ~/.config/motherduck/token)"
    const { type, until } = await open({ sync: () => Promise.reject(new Error(message)) })
    await type("3")
    const lines = (await until((screen) => screen.includes("✗"))).split("\n")
    const at = lines.findIndex((line) => line.startsWith("✗"))
    expect(`${lines[at]} ${lines[at + 1]}`).toBe(`✗ ${message}`)
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(100)
  })

  it("a hive that fails unexpectedly leaves the app on screen with one line", async () => {
    const { type, until, frame } = await open({ publishableFiles: () => Promise.reject(new TypeError("boom")) })
    await type("1")
    expect(await until((screen) => screen.includes("✗"))).toContain("✗ boom")
    await type("q")
    expect(frame()).toContain("1) Publish")
  })
})
