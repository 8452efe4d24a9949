import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"

let home: string
const cli = (args: ReadonlyArray<string>) => runCli(args, { env: userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" }) })

/** A session of 100k Opus input tokens ($0.50 at list price), whose transcript says Claude Code counted `reported`. */
const session = (projectDir: string, sessionId: string, reported: number | undefined) => {
  const context = { sessionId, cwd: "/home/dev/projects/shop" }
  writeLines(join(projectDir, `${sessionId}.jsonl`), [
    userPrompt(context, `costs ${reported}`, "2025-11-20T09:00:00.000Z"),
    assistant(context, { messageId: `msg_${sessionId.slice(-4)}`, usage: { input: 100_000 }, timestamp: "2025-11-20T09:01:00.000Z" }),
    ...(reported === undefined ? [] : [metadata("cost-state", { totalCostUSD: reported, sessionId })]),
  ])
}

beforeAll(() => {
  const claude = claudeHome()
  home = claude.home
  session(claude.projectDir, "c0570000-0000-4000-8000-00000000same", 0.5)
  session(claude.projectDir, "c0570000-0000-4000-8000-00000000diff", 0.6)
  session(claude.projectDir, "c0570000-0000-4000-8000-00000000none", undefined)
  expect(cli(["backfill"]).status).toBe(0)
}, 60_000)

describe("Claude Code's own cost beside ours", () => {
  it("sessions shows it, and who recorded each session", () => {
    const rows = parseJson<ReadonlyArray<{ readonly session_id: string; readonly cost_usd: number; readonly cc_cost_usd: number | null }>>(cli(["sessions", "--json"]))
    expect(rows.map((row) => [row.session_id.slice(-4), row.cost_usd, row.cc_cost_usd]).sort()).toEqual([
      ["diff", 0.5, 0.6],
      ["none", 0.5, null],
      ["same", 0.5, 0.5],
    ])
    const [head, ...lines] = cli(["sessions"]).stdout.trim().split("\n")
    expect(head).toMatch(/COST +CC COST +BY +SESSION$/)
    expect(lines.find((line) => line.includes("$0.60"))).toMatch(/\$0\.50 +\$0\.60 +alice +c0570000$/)
  })

  it("show-session says when the two differ by more than 1%", () => {
    expect(cli(["show-session", "c0570000-0000-4000-8000-00000000same"]).stdout).toContain("cost: $0.50   Claude Code reported: $0.50\n")
    expect(cli(["show-session", "c0570000-0000-4000-8000-00000000diff"]).stdout).toContain(
      "cost: $0.50   Claude Code reported: $0.60 (ours differs by 16.7%: prices.json may be out of date, or responses were counted elsewhere)",
    )
    expect(cli(["show-session", "c0570000-0000-4000-8000-00000000none"]).stdout).not.toContain("Claude Code reported")
  })
})
