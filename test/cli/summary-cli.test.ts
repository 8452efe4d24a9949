import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

interface UsageJson {
  readonly period: string
  readonly model: string
  readonly input_tokens: number
  readonly total_tokens: number
}

const day = 24 * 3_600_000
const startOfToday = Math.floor(Date.now() / day) * day
/** Noon (UTC) `days` days ago: the tests run with TZ=UTC, so local days are UTC days. */
const daysAgo = (days: number) => new Date(startOfToday - days * day + 12 * 3_600_000).toISOString()

let home: string
const env = (user: string) => userEnv(home, { CLAUDE_LOGGER_USER: user, TZ: "UTC" })
const cli = (args: ReadonlyArray<string>, user = "alice") => runCli(args, { env: env(user) })
const summary = (args: ReadonlyArray<string>, user = "alice") =>
  parseJson<ReadonlyArray<UsageJson>>(cli(["summary", "--timezone", "UTC", ...args, "--json"], user))
const inputs = (rows: ReadonlyArray<UsageJson>) => rows.map((row) => [row.period, row.model, row.input_tokens])

const session = (projectDir: string, sessionId: string, cwd: string, responses: ReadonlyArray<{ at: string; input: number; model?: string }>) => {
  const context = { sessionId, cwd }
  writeLines(join(projectDir, `${sessionId}.jsonl`), [
    userPrompt(context, "work", responses[0]?.at ?? "2025-11-17T09:00:00.000Z"),
    ...responses.map((response, index) =>
      assistant(context, { messageId: `msg_${sessionId.slice(-4)}_${index}`, usage: { input: response.input }, timestamp: response.at, ...(response.model ? { model: response.model } : {}) })
    ),
  ])
}

beforeAll(() => {
  const claude = claudeHome()
  home = claude.home
  const blogDir = join(claude.claudeDir, "projects", "-home-dev-projects-blog")
  // Bob's session arrives first (as a shared remote would bring it); Alice's backfill leaves it his.
  session(blogDir, "b0b00000-0000-4000-8000-000000000003", "/home/dev/projects/blog", [{ at: "2025-11-17T10:00:00.000Z", input: 7 }])
  expect(cli(["backfill"], "bob").status).toBe(0)
  session(claude.projectDir, "a11ce000-0000-4000-8000-000000000001", "/home/dev/projects/shop", [
    { at: "2025-11-17T10:00:00.000Z", input: 100 },
    { at: "2025-11-23T10:00:00.000Z", input: 200 },
    { at: "2025-11-24T10:00:00.000Z", input: 300, model: "claude-sonnet-4-5-20250929" },
  ])
  session(claude.projectDir, "a11ce000-0000-4000-8000-000000000002", "/home/dev/projects/shop", [
    { at: daysAgo(10), input: 1 },
    { at: daysAgo(2), input: 2 },
    { at: new Date(startOfToday + 60_000).toISOString(), input: 3 },
  ])
  expect(cli(["backfill"]).status).toBe(0)
}, 120_000)

describe("summary", () => {
  it("sums ISO weeks from Monday, named by their first day, or from Sunday when asked", () => {
    const november = ["--since", "2025-11-01", "--until", "2025-12-01"]
    expect(inputs(summary(["--period", "w", ...november]))).toEqual([
      ["2025-11-17", "claude-opus-4-6", 300],
      ["2025-11-24", "claude-sonnet-4-5-20250929", 300],
    ])
    expect(inputs(summary(["--period", "w", "--start-of-week", "sunday", ...november]))).toEqual([
      ["2025-11-16", "claude-opus-4-6", 100],
      ["2025-11-23", "claude-opus-4-6", 200],
      ["2025-11-23", "claude-sonnet-4-5-20250929", 300],
    ])
  })

  it("counts the user's own sessions unless --user or --all-users says otherwise", () => {
    const day16 = ["--since", "2025-11-17", "--until", "2025-11-18"]
    expect(inputs(summary(day16))).toEqual([["2025-11-17", "claude-opus-4-6", 100]])
    expect(inputs(summary([...day16, "--user", "bob"]))).toEqual([["2025-11-17", "claude-opus-4-6", 7]])
    expect(inputs(summary([...day16, "--all-users"]))).toEqual([["2025-11-17", "claude-opus-4-6", 107]])
    expect(inputs(summary(day16, "bob"))).toEqual([["2025-11-17", "claude-opus-4-6", 7]])
    const both = cli(["summary", "--user", "bob", "--all-users"])
    expect([both.status, both.stderr.trim()]).toEqual([2, "--user and --all-users cannot be given together"])
  })

  it("filters by project and by model", () => {
    expect(inputs(summary(["--all-users", "--project", "blog"]))).toEqual([["2025-11-17", "claude-opus-4-6", 7]])
    expect(inputs(summary(["--model", "SONNET"]))).toEqual([["2025-11-24", "claude-sonnet-4-5-20250929", 300]])
  })

  it("takes relative dates: --since 7d and --until yesterday", () => {
    const dayOf = (iso: string) => iso.slice(0, 10)
    expect(inputs(summary(["--since", "7d"]))).toEqual([
      [dayOf(daysAgo(2)), "claude-opus-4-6", 2],
      [dayOf(daysAgo(0)), "claude-opus-4-6", 3],
    ])
    expect(inputs(summary(["--since", "2w", "--until", "yesterday"]))).toEqual([
      [dayOf(daysAgo(10)), "claude-opus-4-6", 1],
      [dayOf(daysAgo(2)), "claude-opus-4-6", 2],
    ])
  })

  it("prints CSV, and a row per model under each period with --breakdown", () => {
    const november = ["--timezone", "UTC", "--period", "w", "--since", "2025-11-01", "--until", "2025-12-01"]
    expect(cli(["summary", ...november, "--csv"]).stdout.trim().split("\n")).toEqual([
      "period,model,input_tokens,output_tokens,cache_write_tokens,cache_read_tokens,total_tokens,cost_usd",
      "2025-11-17,claude-opus-4-6,300,0,0,0,300,0.0015",
      "2025-11-24,claude-sonnet-4-5-20250929,300,0,0,0,300,0.0009",
    ])
    expect(cli(["summary", ...november, "--start-of-week", "sunday", "--breakdown"]).stdout.trim().split("\n")).toEqual([
      "PERIOD      MODEL         INPUT  OUTPUT  CACHE WRITE  CACHE READ  TOTAL  COST",
      "2025-11-16  all           100    0       0            0           100    $0.00",
      "              Opus 4.6    100    0       0            0           100    $0.00",
      "2025-11-23  all           500    0       0            0           500    $0.00",
      "              Opus 4.6    200    0       0            0           200    $0.00",
      "              Sonnet 4.5  300    0       0            0           300    $0.00",
    ])
  })
})
