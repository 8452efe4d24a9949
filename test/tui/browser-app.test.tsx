import { render } from "ink-testing-library"
import { describe, expect, it } from "vitest"
import type { UsageRow } from "../../src/sessions/usage-summary.js"
import { bucketLabels } from "../../src/sessions/usage-summary.js"
import { BrowserApp } from "../../src/tui/browser-app.js"
import type { BrowserActions, BrowserOutcome, BrowserSession } from "../../src/tui/browser-model.js"

const session = (id: string, title: string, project: string, extra: Partial<BrowserSession> = {}): BrowserSession => ({
  session_id: id,
  title,
  project,
  cwd: `/home/dev/${project}`,
  ended_at: "2026-11-20T09:41:00.000Z",
  duration_min: 41,
  total_tokens: 434_400,
  cost_usd: 0.53,
  created_by: "alice",
  transcript_path: `/transcripts/${id}.jsonl`,
  transcript_here: true,
  ...extra,
})

const sessions = [
  session("s1", "Fix the flaky login test", "web"),
  session("s2", "Coupon codes at checkout", "shop"),
  session("s3", "Draft release notes", "blog", { transcript_here: false, created_by: "bob" }),
]

const usage = (period: string, model: string, total: number): UsageRow => ({
  period, model, input_tokens: total / 2, output_tokens: total / 4, cache_write_tokens: 0, cache_read_tokens: total / 4, total_tokens: total, cost_usd: total / 1e6,
})

const actions = (overrides: Partial<BrowserActions> = {}): BrowserActions => ({
  loadSessions: async () => sessions,
  loadSummary: async (period) => ({
    range: period === "d" ? "2026-11" : period === "h" ? "2026-11-20" : "2026",
    buckets: bucketLabels(period, period === "d" ? "2026-11" : period === "h" ? "2026-11-20" : "2026"),
    rows: period === "d"
      ? [usage("2026-11-19", "claude-opus-4-6", 1_200_000), usage("2026-11-19", "claude-haiku-4-5-20251001", 300_000), usage("2026-11-20", "claude-sonnet-4-5-20250929", 600_000)]
      : [usage(period === "h" ? "2026-11-20T09" : "2026-11", "claude-opus-4-6", 2_000_000)],
    byProject: [{ project: "web", total_tokens: 1_500_000, cost_usd: 1.5 }],
  }),
  searchContent: async (term) => new Map(term.includes("voucher") ? [["s1", "remember the voucher edge case"]] : []),
  loadConversation: () => [{ role: "user", text: "Why does login flake?" }, { role: "tool", text: "⚙ Bash: npm test" }, { role: "assistant", text: "A race in the fixture." }],
  loadActivity: async (sessionId) =>
    sessionId === "s1"
      ? [
        { called_at: "2026-11-20T09:01:00.000Z", tool: "Read", target: "/home/dev/web/src/login.ts", errored: false, risk: null },
        { called_at: "2026-11-20T09:02:00.000Z", tool: "Bash", target: "npm test", errored: true, risk: null },
        { called_at: "2026-11-20T09:03:00.000Z", tool: "Bash", target: "sudo rm -rf /var/cache/web", errored: false, risk: "rm -rf outside the project" },
      ]
      : [],
  ...overrides,
})

const tick = (ms = 40) => new Promise((done) => setTimeout(done, ms))

const open = async (overrides: Partial<BrowserActions> = {}) => {
  const outcomes: Array<BrowserOutcome> = []
  const app = render(<BrowserApp actions={actions(overrides)} onDone={(outcome) => outcomes.push(outcome)} />)
  const type = async (...keys: ReadonlyArray<string>) => {
    for (const key of keys) {
      app.stdin.write(key)
      await tick()
    }
  }
  const frame = () => app.lastFrame() ?? ""
  /** Waits (bounded) for the screen to show what a person would wait for: a loaded machine renders late. */
  const until = async (shown: (screen: string) => boolean) => {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline && !shown(frame()); ) await tick()
  }
  await tick()
  return { app, type, outcomes, frame, until }
}

describe("the session browser", () => {
  it("opens on the menu and quits with q", async () => {
    const { frame, outcomes, type } = await open()
    expect(frame()).toContain("1) Resume a session  2) Summary  q) Quit")
    await type("q")
    expect(outcomes).toEqual([{ kind: "quit" }])
  })

  it("typing narrows the list by title, project or date, instantly", async () => {
    const { frame, type } = await open()
    await type("1")
    expect(frame()).toContain("3 of 3")
    await type("c", "o", "u", "p")
    expect(frame()).toContain("1 of 3")
    expect(frame()).toContain("Coupon codes at checkout")
    expect(frame()).not.toContain("flaky login")
    await type("\x7f", "\x7f", "\x7f", "\x7f", "w", "e", "b")
    expect(frame()).toContain("Fix the flaky login test")
    expect(frame()).not.toContain("Coupon")
  })

  it("fast typing and pastes arrive in one piece, backspaces included", async () => {
    const { frame, type } = await open()
    await type("1", "coux\x7fp")
    // Content search is on: the background search re-renders, so the final frame comes a moment later.
    await tick(400)
    expect(frame()).toContain("search: coup")
    expect(frame()).toContain("1 of 3")
  })

  it("Enter resumes the highlighted session; a session whose transcript is gone cannot be resumed", async () => {
    const { frame, outcomes, type } = await open()
    await type("1", "r", "e", "l", "e", "a", "s", "e", "\r")
    expect(frame()).toContain("⚠ transcript gone")
    expect(outcomes).toEqual([])
    await type("\x7f", "\x7f", "\x7f", "\x7f", "\x7f", "\x7f", "\x7f", "l", "o", "g", "i", "n", "\r")
    expect(outcomes).toEqual([{ kind: "resume", session: sessions[0] }])
  })

  it("Space selects rows and o opens them as a readable conversation", async () => {
    const { frame, type } = await open()
    await type("1", "\x1b", " ")
    expect(frame()).toContain("● ")
    await type("o")
    expect(frame()).toContain("You: Why does login flake?")
    expect(frame()).toContain("⚙ Bash: npm test")
    expect(frame()).toContain("Claude: A race in the fixture.")
    expect(frame()).not.toContain("{")
    await type("q")
    expect(frame()).toContain("Resume a session")
  })

  it("a switches the viewer to the session's Activity: calls in order, failures and risky calls marked", async () => {
    const { frame, type } = await open()
    await type("1", "\x1b", " ", "o", "a")
    expect(frame()).toContain("activity · 1/1")
    expect(frame()).toContain("09:01  Read  /home/dev/web/src/login.ts")
    expect(frame()).toContain("09:02  Bash ✗  npm test")
    expect(frame()).toContain("09:03  Bash  sudo rm -rf /var/cache/web  ⚠ rm -rf outside the project")
    await type("a")
    expect(frame()).toContain("You: Why does login flake?")
  })

  it("searches the transcripts from the start and shows the matching line; Ctrl+F turns that off", async () => {
    const { frame, type, until } = await open()
    await type("1")
    await until((screen) => screen.includes("Resume a session"))
    await type(..."voucher".split(""))
    await until((screen) => screen.includes("remember the voucher edge case"))
    expect(frame()).toContain("content search")
    expect(frame()).toContain("Fix the flaky login test")
    expect(frame()).toContain("remember the voucher edge case")
    await type("\x06")
    await until((screen) => !screen.includes("remember the voucher edge case"))
    expect(frame().split("\n")[0]).not.toContain("content search")
    expect(frame()).not.toContain("remember the voucher edge case")
    expect(frame()).toContain("Ctrl+F content search")
  })

  it("keeps the header on screen when every session shows a matching line, however long", async () => {
    const many = Array.from({ length: 40 }, (_, index) => session(`m${index}`, `Session ${index}`, "web"))
    const snippet = `the voucher ${"and a long tail of words ".repeat(10)}`
    const { frame, type, until } = await open({
      loadSessions: async () => many,
      searchContent: async () => new Map(many.map((row) => [row.session_id, snippet])),
    })
    await type("1")
    await until((screen) => screen.includes("Resume a session"))
    await type(..."voucher".split(""))
    await until((screen) => screen.includes("the voucher"))
    const lines = frame().split("\n")
    expect(lines[0]).toMatch(/^Resume a session — 40 of 40 · content search/)
    expect(lines.length).toBeLessThanOrEqual(24)
    expect(lines.filter((line) => line.includes("the voucher")).length).toBeGreaterThan(3)
  })
})

describe("the Summary screen", () => {
  it("draws a column per bucket stacked by model family, its value on top, and switches metric and period", async () => {
    const { frame, type } = await open()
    await type("2")
    await tick(100)
    expect(frame()).toContain("tokens by day, 2026-11")
    const lines = () => frame().split("\n")
    const axis = () => lines().find((line) => /^(00|01|Jan) /.test(line)) ?? ""
    /** The value written on top of a bucket's column starts where its axis label does. */
    const valueAbove = (value: string, label: string) => {
      const row = lines().slice(1).find((line) => line.includes(value)) ?? ""
      return row.indexOf(value) === axis().indexOf(label) && row.indexOf(value) !== -1
    }
    expect(axis().split(/\s+/)).toEqual(Array.from({ length: 30 }, (_, day) => String(day + 1).padStart(2, "0")))
    expect(valueAbove("1.5M", "19"), frame()).toBe(true)
    expect(valueAbove("600k", "20"), frame()).toBe(true)
    expect(frame()).toContain("█ Opus 4.6  █ Sonnet 4.5  █ Haiku 4.5")
    expect(frame()).toContain("By project")
    expect(frame()).toContain("cache read")

    await type("t")
    expect(frame()).toContain("cost by day")
    expect(valueAbove("$1.50", "19"), frame()).toBe(true)
    await type("h")
    await tick(100)
    expect(frame()).toContain("cost by hour, 2026-11-20")
    expect(axis().split(/\s+/)).toHaveLength(24)
    expect(valueAbove("$2.00", "09"), frame()).toBe(true)
    await type("m")
    await tick(100)
    expect(axis().split(/\s+/)).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    await type("q")
    expect(frame()).toContain("1) Resume a session")
  })
})
