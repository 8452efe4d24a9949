import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { eventually } from "../support/eventually.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"

interface SessionJson {
  readonly session_id: string
  readonly title: string | null
  readonly project: string
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cache_write_tokens: number
  readonly cache_read_tokens: number
  readonly total_tokens: number
  readonly cost_usd: number
  readonly models: string
  readonly session_type: string
}

let home: string
let projectDir: string
const env = () => userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
const cli = (args: ReadonlyArray<string>, input?: string) =>
  runCli(args, input === undefined ? { env: env() } : { env: env(), input })
const sessions = () => parseJson<ReadonlyArray<SessionJson>>(cli(["sessions", "--json"]))
const logText = () => {
  const path = join(home, ".claude", "claude-session-logger", "claude-session-logger.log")
  return existsSync(path) ? readFileSync(path, "utf8") : ""
}
/** No queued SessionEnd report and no drain at work. */
const queueIsEmpty = () => {
  const pending = join(home, ".claude", "claude-session-logger", "pending")
  return !existsSync(pending) || readdirSync(pending).filter((name) => name.endsWith(".json") || name === ".drain.lock").length === 0
}

const ctx = { sessionId: "7f3c0a51-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop" }
const transcriptPath = () => join(projectDir, `${ctx.sessionId}.jsonl`)
const hookInput = () =>
  JSON.stringify({
    session_id: ctx.sessionId,
    transcript_path: transcriptPath(),
    cwd: ctx.cwd,
    hook_event_name: "SessionEnd",
    reason: "prompt_input_exit",
  })

beforeEach(() => {
  ;({ home, projectDir } = claudeHome())
  writeLines(transcriptPath(), [
    userPrompt(ctx, "Add coupon codes to checkout", "2026-11-14T09:00:00.000Z"),
    assistant(ctx, { messageId: "msg_1", usage: { input: 1000, output: 200, cacheWrite1h: 5000, cacheRead: 20000 }, timestamp: "2026-11-14T09:01:00.000Z" }),
    assistant(ctx, { messageId: "msg_2", model: "claude-haiku-4-5-20251001", usage: { input: 300, output: 50 }, timestamp: "2026-11-14T09:05:00.000Z" }),
  ])
})

describe("record: the SessionEnd hook", () => {
  it("returns at once with nothing printed, and the session appears with its tokens and cost", async () => {
    const result = cli(["record"], hookInput())
    expect(result).toEqual({ status: 0, stdout: "", stderr: "" })
    const recorded = await eventually(sessions, (rows) => rows.length === 1)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({
      session_id: ctx.sessionId,
      title: "Add coupon codes to checkout",
      project: "shop",
      models: "claude-haiku-4-5-20251001,claude-opus-4-6",
      input_tokens: 1300,
      output_tokens: 250,
      cache_write_tokens: 5000,
      cache_read_tokens: 20000,
      total_tokens: 26550,
      session_type: "general",
    })
    // opus: 1000×5 + 200×25 + 5000×10 + 20000×0.5; haiku: 300×1 + 50×5 — per million
    expect(recorded[0]?.cost_usd).toBeCloseTo((5000 + 5000 + 50000 + 10000 + 300 + 250) / 1e6, 9)

    const shown = parseJson<{ readonly model_usage: ReadonlyArray<{ readonly model: string; readonly cost_usd: number }> }>(
      cli(["show-session", ctx.sessionId.slice(0, 8), "--json"]),
    )
    expect(shown.model_usage.map((row) => row.model)).toEqual(["claude-opus-4-6", "claude-haiku-4-5-20251001"])
  })

  it("adds no event when nothing changed, and updates the row when the session was resumed", async () => {
    cli(["record"], hookInput())
    await eventually(sessions, (rows) => rows.length === 1)
    const recordedEvents = () => parseJson<ReadonlyArray<unknown>>(cli(["events", "--type", "SessionRecorded", "--json"])).length
    cli(["record"], hookInput())
    expect(await eventually(queueIsEmpty, (empty) => empty)).toBe(true)
    expect(recordedEvents()).toBe(1)
    expect(cli(["process-recordings"]).stdout).toBe("recorded 0 session(s), 0 unchanged, 0 not recordable (see the log)\n")

    appendFileSync(transcriptPath(), `${assistant(ctx, { messageId: "msg_3", usage: { input: 700 }, timestamp: "2026-11-15T10:00:00.000Z" })}\n`)
    appendFileSync(transcriptPath(), `${metadata("custom-title", { customTitle: "coupons" })}\n`)
    cli(["record"], hookInput())
    const updated = await eventually(sessions, (rows) => rows[0]?.input_tokens === 2000)
    expect(updated[0]).toMatchObject({ input_tokens: 2000, title: "coupons" })
    expect(recordedEvents()).toBe(2)
  })

  it.each([
    ["empty stdin", "", /empty hook input/],
    ["invalid JSON", "{not json", /not valid JSON/],
    ["no session_id", JSON.stringify({ transcript_path: "/x.jsonl" }), /no session_id/],
  ])("%s: exit 0, nothing recorded, the reason in the log", (_, input, reason) => {
    expect(cli(["record", "--no-sync"], input)).toEqual({ status: 0, stdout: "", stderr: "" })
    expect(logText()).toMatch(reason)
    expect(sessions()).toEqual([])
  })

  it("a missing transcript: exit 0, nothing recorded, the reason in the log", async () => {
    const input = JSON.stringify({ session_id: "gone", transcript_path: join(projectDir, "gone.jsonl"), cwd: "/x", reason: "exit" })
    expect(cli(["record"], input)).toEqual({ status: 0, stdout: "", stderr: "" })
    const log = await eventually(logText, (text) => text.includes("is missing"))
    expect(log).toMatch(/nothing recorded for gone: transcript .*gone\.jsonl is missing/)
    expect(sessions()).toEqual([])
  })
})

describe("backfill and queries", () => {
  it("records every session once, skips unchanged files, and filters by project, text and date", () => {
    const other = { sessionId: "aa11aa11-0000-4000-8000-000000000002", cwd: "/home/dev/projects/blog" }
    const blogDir = join(home, ".claude", "projects", "-home-dev-projects-blog")
    writeLines(join(blogDir, `${other.sessionId}.jsonl`), [
      userPrompt(other, "Write the release notes", "2026-10-01T12:00:00.000Z"),
      assistant(other, { messageId: "msg_9", model: "claude-mystery-9", usage: { input: 10 }, timestamp: "2026-10-01T12:01:00.000Z" }),
      "{truncated",
    ])
    const first = cli(["backfill"])
    expect(first.status).toBe(0)
    expect(first.stdout).toBe(
      "backfill: 2 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), 1 malformed line(s); unknown models priced at $0: claude-mystery-9 (add them to prices.json)\n",
    )
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 0 session\(s\) recorded, 0 unchanged, 2 skipped/)

    expect(sessions().map((row) => row.project)).toEqual(["shop", "blog"])
    const titles = (args: ReadonlyArray<string>) =>
      parseJson<ReadonlyArray<SessionJson>>(cli(["sessions", ...args, "--json"])).map((row) => row.title)
    expect(titles(["--project", "blog"])).toEqual(["Write the release notes"])
    expect(titles(["--search", "COUPON"])).toEqual(["Add coupon codes to checkout"])
    // Several words: each somewhere in the session's title, project, cwd or branch, in any order.
    expect(titles(["--search", "checkout SHOP coupon"])).toEqual(["Add coupon codes to checkout"])
    expect(titles(["--search", "coupon blog"])).toEqual([])
    expect(titles(["--search", `"codes to checkout"`])).toEqual(["Add coupon codes to checkout"])
    expect(titles(["--search", `"checkout codes"`])).toEqual([])
    expect(titles(["--since", "2026-11-01"])).toEqual(["Add coupon codes to checkout"])
    expect(titles(["--until", "2026-11-01"])).toEqual(["Write the release notes"])
    expect(titles(["--limit", "1"])).toEqual(["Add coupon codes to checkout"])
    expect(cli(["sessions"]).stdout).toContain("Add coupon codes to checkout")
  })

  it("show-session: unknown and ambiguous prefixes are one clear line", () => {
    cli(["backfill"])
    const unknown = cli(["show-session", "zzz"])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr.trim()).toMatch(/^claude-session-logger: no recorded session matches zzz/)
    const other = { sessionId: "7f3c0a51-9999-4000-8000-000000000003", cwd: ctx.cwd }
    writeLines(join(projectDir, `${other.sessionId}.jsonl`), [userPrompt(other, "another", "2026-11-14T11:00:00.000Z")])
    cli(["backfill"])
    const ambiguous = cli(["show-session", "7f3c"])
    expect(ambiguous.status).toBe(1)
    expect(ambiguous.stderr.trim().split("\n")).toHaveLength(1)
    expect(ambiguous.stderr).toMatch(/2 sessions start with 7f3c/)
  })
})

describe("backfill across worker threads", () => {
  it("records exactly what reading each session alone gives", async () => {
    const { parseSession } = await import("../../src/transcript/parse-session.js")
    const { discoverSessions } = await import("../../src/transcript/session-files.js")
    const { usageByModel } = await import("../../src/transcript/session-accumulator.js")
    for (let n = 0; n < 12; n++) {
      const session = { sessionId: `5e55${String(n).padStart(4, "0")}-0000-4000-8000-000000000000`, cwd: `/home/dev/projects/p${n % 3}` }
      writeLines(join(home, ".claude", "projects", `-home-dev-projects-p${n % 3}`, `${session.sessionId}.jsonl`), [
        userPrompt(session, `task ${n}`, "2026-11-10T08:00:00.000Z"),
        ...Array.from({ length: n + 1 }, (_, k) =>
          assistant(session, { messageId: `msg_${n}_${k}`, usage: { input: 100 * (k + 1), output: n + k, cacheRead: 1000 }, timestamp: "2026-11-10T08:05:00.000Z" })),
      ])
    }
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 13 session\(s\) recorded/)
    const expected = new Map(discoverSessions([join(home, ".claude")]).map((files) => {
      const total = [...usageByModel(parseSession(files).responses).values()]
        .reduce((sum, usage) => sum + usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens, 0)
      return [files.sessionId, total] as const
    }))
    const recorded = parseJson<ReadonlyArray<SessionJson>>(cli(["sessions", "--limit", "100", "--json"]))
    expect(new Map(recorded.map((row) => [row.session_id, row.total_tokens]))).toEqual(expected)
  })
})

describe("summary and search", () => {
  interface UsageJson {
    readonly period: string
    readonly model: string
    readonly total_tokens: number
    readonly input_tokens: number
    readonly cost_usd: number
  }
  const summary = (args: ReadonlyArray<string>) => parseJson<ReadonlyArray<UsageJson>>(cli(["summary", ...args, "--json"]))

  it("buckets usage by the time of each response, per model, in any time zone", () => {
    const late = { sessionId: "bb22bb22-0000-4000-8000-000000000009", cwd: "/home/dev/projects/shop" }
    writeLines(join(projectDir, `${late.sessionId}.jsonl`), [
      userPrompt(late, "Late night deploy", "2026-11-14T23:30:00.000Z"),
      assistant(late, { messageId: "msg_a", usage: { input: 100 }, timestamp: "2026-11-14T23:40:00.000Z" }),
      assistant(late, { messageId: "msg_b", usage: { input: 200 }, timestamp: "2026-11-15T00:20:00.000Z" }),
    ])
    cli(["backfill"])
    expect(summary(["--period", "d", "--timezone", "UTC"]).map((row) => [row.period, row.model, row.input_tokens])).toEqual([
      ["2026-11-14", "claude-haiku-4-5-20251001", 300],
      ["2026-11-14", "claude-opus-4-6", 1100],
      ["2026-11-15", "claude-opus-4-6", 200],
    ])
    expect(summary(["--period", "h", "--timezone", "UTC", "--since", "2026-11-15T00:00Z"]).map((row) => row.period)).toEqual(["2026-11-15T00"])
    // In New York (UTC-5) the 00:20 UTC response still falls on the 14th.
    expect(summary(["--period", "d", "--timezone", "America/New_York"]).map((row) => [row.period, row.model])).toEqual([
      ["2026-11-14", "claude-haiku-4-5-20251001"],
      ["2026-11-14", "claude-opus-4-6"],
    ])
    expect(summary(["--period", "m", "--timezone", "UTC"]).reduce((total, row) => total + row.total_tokens, 0)).toBe(26550 + 300)
    const unknownZone = cli(["summary", "--timezone", "Mars/Base"])
    expect(unknownZone.status).toBe(1)
    expect(unknownZone.stderr.trim()).toMatch(/^claude-session-logger: unknown time zone "Mars\/Base"/)
  })

  it("finds sessions by title, and by content with the matching line when asked", () => {
    cli(["backfill"])
    const search = (args: ReadonlyArray<string>) =>
      parseJson<ReadonlyArray<{ readonly title: string | null; readonly matching_line?: { readonly text: string } }>>(cli(["search", ...args, "--json"]))
    expect(search(["coupon"]).map((hit) => hit.title)).toEqual(["Add coupon codes to checkout"])
    expect(search(["checkout flow"])).toEqual([])
    const appended = { ...ctx }
    appendFileSync(transcriptPath(), `${userPrompt(appended, "also handle the expired-voucher edge case", "2026-11-14T09:10:00.000Z")}\n`)
    const byContent = search(["expired-voucher", "--content"])
    expect(byContent.map((hit) => hit.title)).toEqual(["Add coupon codes to checkout"])
    expect(byContent[0]?.matching_line?.text).toBe("also handle the expired-voucher edge case")
    expect(search(["EXPIRED-voucher", "--content"])).toEqual([])
  })
})
