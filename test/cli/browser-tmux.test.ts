import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { openTerminal, type Terminal } from "../support/tmux.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

let terminal: Terminal | undefined
afterEach(() => terminal?.close())

describe("the browser in a real terminal", () => {
  it("menu, search, content search, viewer, resume with claude --resume in the session's cwd, summary; hooks record meanwhile", async () => {
    const { home, projectDir } = claudeHome()
    const shopDir = join(home, "code", "shop")
    mkdirSync(shopDir, { recursive: true })
    const first = { sessionId: "aa000001-0000-4000-8000-000000000001", cwd: shopDir }
    const second = { sessionId: "aa000002-0000-4000-8000-000000000002", cwd: "/home/dev/projects/shop" }
    writeLines(join(projectDir, `${first.sessionId}.jsonl`), [
      userPrompt(first, "Fix the flaky login test", "2026-11-19T10:00:00.000Z"),
      assistant(first, { messageId: "m1", usage: { input: 1000, output: 100 }, timestamp: "2026-11-19T10:05:00.000Z", block: { type: "text", text: "The fixture races the session cookie." } }),
    ])
    writeLines(join(projectDir, `${second.sessionId}.jsonl`), [
      userPrompt(second, "Coupon codes at checkout", "2026-11-20T09:00:00.000Z"),
      userPrompt(second, "also handle the expired-voucher edge case", "2026-11-20T09:01:00.000Z"),
      assistant(second, { messageId: "m2", model: "claude-haiku-4-5-20251001", usage: { input: 500 }, timestamp: "2026-11-20T09:02:00.000Z" }),
    ])
    // A stand-in `claude` on PATH that writes down how it was started.
    const bin = join(home, "bin")
    mkdirSync(bin)
    writeFileSync(join(bin, "claude"), `#!/bin/sh\necho "args=$* cwd=$(pwd)" > "${home}/claude-called.txt"\n`)
    chmodSync(join(bin, "claude"), 0o755)
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", PATH: `${bin}:${process.env.PATH}`, TZ: "UTC" })
    expect(runCli(["backfill"], { env }).status).toBe(0)

    terminal = openTerminal(env, 140, 45)
    const { keys, screenUntil } = terminal

    expect(await screenUntil((screen) => screen.includes("1) Resume a session"))).toContain("2) Summary  q) Quit")
    await keys("1")
    expect(await screenUntil((screen) => screen.includes("2 of 2"))).toContain("Fix the flaky login test")

    // While the browser is open, a SessionEnd hook records a new session normally.
    const third = { sessionId: "aa000003-0000-4000-8000-000000000003", cwd: "/home/dev/projects/shop" }
    writeLines(join(projectDir, `${third.sessionId}.jsonl`), [userPrompt(third, "Recorded while browsing", "2026-11-20T11:00:00.000Z")])
    const hook = runCli(["record"], { env, input: JSON.stringify({ session_id: third.sessionId, transcript_path: join(projectDir, `${third.sessionId}.jsonl`), cwd: third.cwd, reason: "exit" }) })
    expect(hook.status).toBe(0)
    let titles: ReadonlyArray<string | null> = []
    for (const deadline = Date.now() + 8_000; Date.now() < deadline && !titles.includes("Recorded while browsing");) {
      titles = parseJson<ReadonlyArray<{ readonly title: string | null }>>(runCli(["sessions", "--json"], { env })).map((row) => row.title)
      await sleep(150)
    }
    expect(titles).toContain("Recorded while browsing")

    await keys("c", "o", "u", "p")
    const narrowed = await screenUntil((screen) => screen.includes("1 of 2"))
    expect(narrowed, narrowed).toContain("Coupon codes at checkout")
    expect(narrowed).not.toContain("flaky login")

    // Content search (on from the start) finds a session whose title does not contain the term.
    await keys("BSpace", "BSpace", "BSpace", "BSpace", ..."expired-voucher".split(""))
    const found = await screenUntil((screen) => screen.includes("expired-voucher edge case"))
    expect(found).toContain("Coupon codes at checkout")

    // The viewer shows a conversation, not JSON.
    for (let n = 0; n < "expired-voucher".length; n++) await keys("BSpace")
    await keys(..."flaky".split(""), "Escape", "Space", "o")
    const viewer = await screenUntil((screen) => screen.includes("Claude: The fixture races the session cookie."))
    expect(viewer).toContain("You: Fix the flaky login test")
    expect(viewer).not.toContain('"type"')
    await keys("q")
    await screenUntil((screen) => screen.includes("Resume a session"))
    await keys("q")
    await screenUntil((screen) => screen.includes("1) Resume a session"))

    // Summary: columns stacked by model family; period and metric switch.
    await keys("2")
    const summary = await screenUntil((screen) => screen.includes("tokens by day"))
    expect(summary).toContain("█ Opus 4.6")
    expect(summary).toContain("█ Haiku 4.5")
    await keys("t", "h")
    const hourly = await screenUntil((screen) => screen.includes("cost by hour, 2026-11-20"))
    // The 09:00 column carries its value on top.
    const lines = hourly.split("\n")
    const axis = lines.find((line) => line.startsWith("00 ")) ?? ""
    const valueAt = lines.slice(1).map((line) => line.indexOf("$0.00")).find((at) => at !== -1)
    expect(valueAt, hourly).toBe(axis.indexOf("09"))
    await keys("q")
    await screenUntil((screen) => screen.includes("1) Resume a session"))

    // Enter resumes: the stand-in claude runs with --resume <id> in the session's directory.
    await keys("1", ..."flaky".split(""), "Enter")
    const calledFile = join(home, "claude-called.txt")
    for (const deadline = Date.now() + 8_000; Date.now() < deadline && !existsSync(calledFile);) await sleep(100)
    expect(readFileSync(calledFile, "utf8").trim()).toBe(`args=--resume ${first.sessionId} cwd=${shopDir}`)
  }, 90_000)
})
