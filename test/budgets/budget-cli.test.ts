import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, userPrompt, writeLines } from "../support/transcript-builder.js"

interface StandingJson {
  readonly period: string
  readonly spent_usd: number
  readonly share: number
}

/** A device of `user`: its own HOME (data dir and transcripts) and the shared remote. */
const device = (user: string, remote: string) => {
  const home = freshHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: user, CLAUDE_LOGGER_REMOTE: remote, TZ: "UTC" })
  const run = (args: ReadonlyArray<string>) => runCli(args, { env })
  const ok = (args: ReadonlyArray<string>) => {
    const result = run(args)
    expect(result.status, `${user}: ${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  /** Records a session of this device, a minute ago, spending `outputTokens` of Opus output. */
  const spend = (sessionId: string, outputTokens: number) => {
    const context = { sessionId, cwd: "/home/dev/projects/shop" }
    const at = new Date(Date.now() - 60_000).toISOString()
    writeLines(join(home, ".claude", "projects", "-home-dev-projects-shop", `${sessionId}.jsonl`), [
      userPrompt(context, "Refactor the cart", at),
      assistant(context, { messageId: `msg_${sessionId.slice(0, 8)}`, usage: { output: outputTokens }, timestamp: at }),
    ])
    ok(["backfill"])
    return parseJson<ReadonlyArray<{ readonly session_id: string; readonly cost_usd: number }>>(run(["sessions", "--json"]))
      .find((session) => session.session_id === sessionId)?.cost_usd ?? 0
  }
  return { run, ok, spend, banner: () => ok(["session-start"]), status: () => parseJson<ReadonlyArray<StandingJson>>(run(["budget", "status", "--json"])) }
}

describe("budgets across devices", () => {
  it("two devices each under the daily budget, together over it: both banners warn after sync; a teammate's spend never counts", () => {
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    const laptop = device("alice", remote)
    const desktop = device("alice", remote)
    const teammate = device("bob", remote)

    const cost = laptop.spend("b1b1b1b1-0000-4000-8000-000000000001", 200_000)
    expect(cost).toBeGreaterThan(0)
    desktop.spend("b2b2b2b2-0000-4000-8000-000000000002", 200_000)
    teammate.spend("b3b3b3b3-0000-4000-8000-000000000003", 2_000_000)
    const limit = Math.round(cost * 1.5 * 100) / 100
    laptop.ok(["budget", "set", "--daily", String(limit)])
    expect(laptop.banner()).not.toMatch(/Budget/)

    for (const each of [laptop, desktop, teammate, laptop, desktop]) each.ok(["sync"])

    const warning = `🛑 Budget exceeded: daily $${(2 * cost).toFixed(2)} of $${limit.toFixed(2)} (${Math.round((2 * cost / limit) * 100)}%)`
    expect(laptop.banner()).toContain(warning)
    expect(desktop.banner()).toContain(warning)
    expect(desktop.status()).toMatchObject([{ period: "daily", spent_usd: 2 * cost }])
    expect(desktop.run(["budget", "status", "--check"])).toMatchObject({ status: 1, stderr: `claude-session-logger: budget exceeded: ${warning.replace("🛑 Budget exceeded: ", "")}\n` })
    // Bob spent far more, but alice's budget is not his: he sees nothing.
    expect(teammate.banner()).not.toMatch(/Budget/)
  })

  it("warns from 80%, stays silent below, and --check passes while nothing is exceeded", () => {
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    const laptop = device("carol", remote)
    const cost = laptop.spend("c1c1c1c1-0000-4000-8000-000000000001", 200_000)
    laptop.ok(["budget", "set", "--daily", String(Math.round((cost / 0.9) * 100) / 100), "--monthly", String(Math.round(cost * 10 * 100) / 100)])
    expect(laptop.banner()).toMatch(/^⚠️ Budget: daily \$\d+\.\d\d of \$\d+\.\d\d \(90%\)$/m)
    expect(laptop.banner()).not.toMatch(/monthly/)
    expect(laptop.run(["budget", "status", "--check"]).status).toBe(0)
    laptop.ok(["budget", "clear"])
    expect(laptop.banner()).not.toMatch(/Budget/)
    expect(laptop.ok(["budget", "status"])).toBe("No budget set (budget set --daily USD).\n")
  })

  it("rejects a budget that is not a positive amount, in one line", () => {
    const laptop = device("dan", join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb"))
    expect(laptop.run(["budget", "set"])).toMatchObject({ status: 1, stderr: "claude-session-logger: give at least one of --daily, --weekly, --monthly, --session (in USD)\n" })
    expect(laptop.run(["budget", "set", "--daily", "0"])).toMatchObject({ status: 1, stderr: "claude-session-logger: --daily must be a positive amount in USD, not 0\n" })
  })
})
