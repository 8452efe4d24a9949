import { join } from "node:path"
import stringWidth from "string-width"
import { afterEach, beforeAll, describe, expect, it } from "vitest"
import { runCli, userEnv } from "../support/cli.js"
import { openTerminal, type Terminal } from "../support/tmux.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"

/** How the browser looks to a person: colours, fitting the terminal, wide titles, planted escapes. */
const families = ["claude-opus-4-6", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"]
const titles = ["Fix the flaky login test", "ログインテストの修正とリファクタリング", "🚀 Deploy the 🐛 fix to prod", "Evil \u001b[31mred\u001b[0m\u0007 title"]
const colourEscape = /\u001b\[3[1-7]m/

let env: NodeJS.ProcessEnv
let terminal: Terminal | undefined
afterEach(() => terminal?.close())

beforeAll(() => {
  const { home, projectDir } = claudeHome()
  env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" })
  for (let day = 1; day <= 30; day++) {
    const context = { sessionId: `d0000000-0000-4000-8000-0000000000${String(day).padStart(2, "0")}`, cwd: `/home/dev/${["shop", "blog", "api"][day % 3]}` }
    const date = `2026-11-${String(day).padStart(2, "0")}`
    writeLines(join(projectDir, `${context.sessionId}.jsonl`), [
      userPrompt(context, `Prompt ${day}`, `${date}T08:00:00.000Z`),
      ...families.map((model, index) =>
        assistant(context, { messageId: `m${day}-${index}`, model, usage: { input: 1000 * day * (index + 1), cacheRead: 5000 * day }, timestamp: `${date}T${10 + index}:00:00.000Z` })
      ),
      metadata("custom-title", { customTitle: titles[day % titles.length], sessionId: context.sessionId }),
    ])
  }
  // The newest session of all had no conversation.
  const stub = { sessionId: "d0000000-0000-4000-8000-000000000099", cwd: "/home/dev/shop" }
  writeLines(join(projectDir, `${stub.sessionId}.jsonl`), [
    JSON.stringify({ type: "system", subtype: "local_command", content: "/exit", sessionId: stub.sessionId, cwd: stub.cwd, timestamp: "2026-11-30T23:00:00.000Z" }),
  ])
  expect(runCli(["backfill"], { env }).status).toBe(0)
}, 60_000)

const openSummary = async (extra: Readonly<Record<string, string>>, width: number, height: number) => {
  terminal = openTerminal({ ...env, ...extra }, width, height)
  await terminal.screenUntil((screen) => screen.includes("1) Resume a session"))
  await terminal.keys("2")
  return terminal.screenUntil((screen) => screen.includes("q back") && screen.includes("Opus 4.6"), { colours: true })
}

describe("colours", () => {
  it("Browser renders interactively even when CI is set, with each model family in its colour", async () => {
    const screen = await openSummary({ CI: "true" }, 100, 30)
    expect(screen).toMatch(/\u001b\[35m(\u001b\[\d+m)*█ Opus 4\.6/)
    expect(screen).toMatch(/\u001b\[36m(\u001b\[\d+m)*█ Sonnet 4\.5/)
    expect(screen).toMatch(/\u001b\[33m(\u001b\[\d+m)*█ Haiku 4\.5/)
  }, 30_000)

  it("NO_COLOR turns colours off, and the families differ by shade instead", async () => {
    const screen = await openSummary({ NO_COLOR: "1", CI: "true" }, 100, 30)
    expect(screen).not.toMatch(colourEscape)
    expect(screen).toContain("█ Opus 4.6  ▓ Sonnet 4.5  ▒ Haiku 4.5")
    expect(screen).toMatch(/▓/)
  }, 30_000)
})

describe("the Summary fits the terminal", () => {
  it("at 80x24: header, a column for every day with values on top, legend and keys; the breakdowns on b", async () => {
    const screen = await openSummary({}, 80, 24)
    const lines = terminal?.screen().split("\n") ?? []
    expect(lines[0], screen).toMatch(/^Summary — tokens by day, 2026-11 · total /)
    const axis = lines.find((line) => line.startsWith("01 ")) ?? ""
    expect(axis, screen).toMatch(/^01\s+03\s+05 .* 29$/)
    expect(lines.some((line) => /\b\d+(\.\d)?k\b/.test(line))).toBe(true)
    expect(lines.find((line) => line.includes("q back"))).toBe("t tokens/cost · h hours · d days · m months · b breakdowns · q back")
    await terminal?.keys("b")
    const breakdowns = await terminal?.screenUntil((shown) => shown.includes("By token component")) ?? ""
    expect(breakdowns.split("\n")[0]).toMatch(/^Summary — tokens by day/)
    expect(breakdowns).toContain("By project")
    expect(breakdowns).toContain("b chart")
  }, 30_000)

  it.each([[120, 35], [200, 50]])("at %ix%i: the chart with the breakdowns below it, nothing scrolled off", async (width, height) => {
    await openSummary({}, width, height)
    const lines = terminal?.screen().split("\n") ?? []
    expect(lines[0]).toMatch(/^Summary — tokens by day, 2026-11/)
    expect(lines.find((line) => line.startsWith("01 ")), lines.join("\n")).toMatch(/^01 +02 +03 .* 30$/)
    expect(lines.some((line) => line.startsWith("By project"))).toBe(true)
    expect(lines.find((line) => line.includes("q back"))).toBe("t tokens/cost · h hours · d days · m months · q back")
  }, 30_000)
})

describe("the resume list", () => {
  it("keeps its columns aligned after CJK and emoji titles, shows planted escapes, and lists the stub session last", async () => {
    terminal = openTerminal(env, 120, 45)
    await terminal.screenUntil((screen) => screen.includes("1) Resume a session"))
    await terminal.keys("1")
    const screen = await terminal.screenUntil((shown) => shown.includes("31 of 31"))
    const rows = screen.split("\n").filter((line) => /^[ ›] {2}2026-/.test(line))
    expect(rows).toHaveLength(31)
    // Where each row's (right-aligned) duration ends, in terminal columns.
    const durationColumns = rows.map((row) => {
      const duration = /\d+m(?= +[\d.]+[kM]? +\$)/.exec(row)
      return duration === null ? -1 : stringWidth(row.slice(0, duration.index + duration[0].length))
    })
    expect(new Set(durationColumns), screen).toEqual(new Set([durationColumns[0]]))
    expect(screen).toContain("ログインテストの修正とリファクタリング")
    expect(screen).toContain("Evil ␛[31mred␛[0m␇ title")
    expect(rows[0]).toContain("2026-11-30")
    expect(rows[0]).not.toContain("(untitled)")
    expect(rows[rows.length - 1]).toContain("(untitled)")
  }, 30_000)
})
