import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import type { UsageBlock } from "../../src/usage/usage-blocks.js"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

/** A block as `blocks --json` prints it: the block, and what is said of it. */
type BlockJson = UsageBlock & {
  readonly pace: { readonly minutes_left: number } | null
  readonly token_limit: { readonly limit: number; readonly used_percent: number; readonly exceeded: boolean } | null
  readonly rate_limits: { readonly five_hour_percent: number | null; readonly seven_day_percent: number | null } | null
}

const hourMs = 3_600_000
const thisHour = Math.floor(Date.now() / hourMs) * hourMs
const iso = (ms: number) => new Date(ms).toISOString()

const stdin = (extra: Readonly<Record<string, unknown>> = {}) =>
  JSON.stringify({
    session_id: "live-session",
    transcript_path: "/nowhere.jsonl",
    cwd: "/home/dev/projects/shop",
    model: { id: "claude-opus-4-6", display_name: "Opus 4.6" },
    workspace: { current_dir: "/home/dev/projects/shop" },
    cost: { total_cost_usd: 0.42 },
    ...extra,
  })

let home: string
const env = (user = "alice") => userEnv(home, { CLAUDE_LOGGER_USER: user, TZ: "UTC" })
const cli = (args: ReadonlyArray<string>, input = "", user = "alice") => runCli(args, { env: env(user), input })
const blocks = (args: ReadonlyArray<string> = []) => parseJson<{ readonly blocks: ReadonlyArray<BlockJson> }>(cli(["blocks", ...args, "--json"])).blocks

beforeAll(() => {
  const claude = claudeHome()
  home = claude.home
  const write = (dir: string, sessionId: string, times: ReadonlyArray<number>, input: number) => {
    const context = { sessionId, cwd: "/home/dev/projects/shop" }
    writeLines(join(dir, `${sessionId}.jsonl`), [
      userPrompt(context, "work", iso(times[0] ?? 0)),
      ...times.map((time, index) =>
        assistant(context, { messageId: `msg_${sessionId.slice(-4)}_${index}`, usage: { input, output: 1, cacheWrite5m: 2, cacheRead: 3 }, timestamp: iso(time) })
      ),
    ])
  }
  // Bob's responses fall in Alice's blocks but are never counted in them by default.
  write(join(claude.claudeDir, "projects", "-home-dev-projects-blog"), "b0b00000-0000-4000-8000-000000000b0b", [thisHour - 30 * hourMs], 5_000)
  expect(cli(["backfill"], "", "bob").status).toBe(0)
  // Alice: an old block (two responses), a pause of more than five hours, and a block running now.
  write(claude.projectDir, "a11ce000-0000-4000-8000-00000000a11c", [
    thisHour - 30 * hourMs + 10 * 60_000,
    thisHour - 27 * hourMs,
    thisHour - hourMs + 5 * 60_000,
    Date.now() - 60_000,
  ], 100)
  expect(cli(["backfill"]).status).toBe(0)
}, 120_000)

describe("blocks", () => {
  it("finds the five-hour blocks of the user's own responses, with tokens by component", () => {
    const found = blocks()
    expect(found.map((block) => [block.start, block.end, block.active, block.input_tokens, block.output_tokens, block.cache_write_tokens, block.cache_read_tokens]))
      .toEqual([
        [iso(thisHour - 30 * hourMs), iso(thisHour - 25 * hourMs), false, 200, 2, 4, 6],
        [iso(thisHour - hourMs), iso(thisHour + 4 * hourMs), true, 200, 2, 4, 6],
      ])
    expect(found[1]?.pace?.minutes_left).toBeGreaterThan(180)
    expect(blocks(["--active"]).map((block) => block.start)).toEqual([iso(thisHour - hourMs)])
    expect(blocks(["--all-users"])[0]?.input_tokens).toBe(5_200)
    expect(blocks(["--user", "bob"]).map((block) => block.input_tokens)).toEqual([5_000])
  })

  it("shows each block's share of a token limit, max being the largest past block, and warns past it", () => {
    expect(blocks(["--token-limit", "max"]).map((block) => block.token_limit)).toEqual([
      { limit: 212, used_percent: 100, projected_percent: null, exceeded: false },
      expect.objectContaining({ limit: 212, used_percent: 100, exceeded: false }),
    ])
    const text = cli(["blocks", "--token-limit", "100"]).stdout
    expect(text).toContain("OF LIMIT")
    expect(text).toMatch(/Warning: the block from .* used 212% of the token limit \(100\)\./)
    const bad = cli(["blocks", "--token-limit", "lots"])
    expect([bad.status, bad.stderr.trim()]).toEqual([2, "--token-limit takes a positive whole number or max, not 'lots'"])
  })
})

describe("statusline", () => {
  it("prints one line from the snapshot and stdin, and blocks show the rate limits it was given", () => {
    const limits = { rate_limits: { five_hour: { used_percentage: 23.5, resets_at: Math.floor(thisHour / 1000) + 4 * 3600 }, seven_day: { used_percentage: 41.2 } } }
    const result = cli(["statusline"], stdin(limits))
    expect(result.status).toBe(0)
    expect(result.stderr).toBe("")
    expect(result.stdout).toMatch(/^Opus 4\.6 · session \$0\.42 · today \$\d+\.\d\d · block \$\d+\.\d\d \(\d+h\d\dm left\) · 5h 24% 7d 41%\n$/)
    expect(blocks().map((block) => block.rate_limits)).toEqual([
      null,
      { at: expect.any(String), five_hour_percent: 23.5, seven_day_percent: 41.2 },
    ])
    expect(cli(["blocks"]).stdout).toContain("5h 24% 7d 41%")
  })

  it("exits 0 with one line on an empty store and on garbage", () => {
    const empty = userEnv(freshHome())
    for (const input of ["", "not json", "{\"model\":", "[1,2]", "{\"cost\":{\"total_cost_usd\":\"x\"}}"]) {
      const result = runCli(["statusline"], { env: empty, input })
      expect([result.status, result.stdout.split("\n").length, result.stderr], input).toEqual([0, 2, ""])
    }
    expect(runCli(["statusline"], { env: empty, input: stdin() }).stdout).toBe("Opus 4.6 · session $0.42 · today $0.42\n")
  })
})
