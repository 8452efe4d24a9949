import { appendFileSync, existsSync, rmSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { runCli, userEnv } from "../support/cli.js"
import { holdDatabase } from "../support/hold-database.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

let env: NodeJS.ProcessEnv
let projectDir: string
const dataDir = () => join(env.HOME ?? "", ".claude", "claude-session-logger")
const cache = () => join(dataDir(), "transcript-fingerprints.json")
const cli = (args: ReadonlyArray<string>, extra: Readonly<Record<string, string>> = {}) => runCli(args, { env: { ...env, ...extra } })

const writeSession = (sessionId: string) =>
  writeLines(join(projectDir, `${sessionId}.jsonl`), [
    userPrompt({ sessionId }, "Fix the cart", "2026-11-14T09:00:00.000Z"),
    assistant({ sessionId }, { messageId: `msg_${sessionId}`, usage: { input: 10, output: 5 }, timestamp: "2026-11-14T09:01:00.000Z" }),
  ])

/** Holds the store once backfill's detached search index refresh has let go of it. */
const heldOnceFree = async (database: string) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await holdDatabase(database, 6_000)
    } catch (error) {
      if (attempt === 50) throw error
      await new Promise((done) => setTimeout(done, 200))
    }
  }
}

const unchanged = (sessions: number) =>
  `backfill: 0 session(s) recorded, 0 unchanged, ${sessions} skipped (files unchanged), 0 malformed line(s)\n`

beforeEach(() => {
  const claude = claudeHome()
  projectDir = claude.projectDir
  env = userEnv(claude.home, { CLAUDE_LOGGER_USER: "alice" })
  writeSession("11111111-1111-4111-8111-111111111111")
  writeSession("22222222-2222-4222-8222-222222222222")
})

describe("backfill over an unchanged history", () => {
  it("is answered without opening the store (it is held by another process), with the full CLI's line", async () => {
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 2 session\(s\) recorded/)
    const held = await heldOnceFree(join(dataDir(), "sessions.duckdb"))
    const started = Date.now()
    const answer = cli(["backfill"])
    expect(answer).toEqual({ status: 0, stdout: unchanged(2), stderr: "" })
    // The full CLI would wait for the lock (up to 10 s), then say the store is busy.
    expect(Date.now() - started).toBeLessThan(4_000)
    await held.released
    // The full CLI says the same.
    expect(cli(["backfill"], { CLAUDE_LOGGER_FULL_CLI: "1" }).stdout).toBe(unchanged(2))
  }, 60_000)

  it("goes to the full CLI when a session changed or is new, and when options are given", () => {
    cli(["backfill"])
    appendFileSync(join(projectDir, "11111111-1111-4111-8111-111111111111.jsonl"),
      `${assistant({ sessionId: "11111111-1111-4111-8111-111111111111" }, { messageId: "msg_more", usage: { input: 1, output: 1 }, timestamp: "2026-11-14T09:05:00.000Z" })}\n`)
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 1 session\(s\) recorded, 0 unchanged, 1 skipped/)
    writeSession("33333333-3333-4333-8333-333333333333")
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 1 session\(s\) recorded, 0 unchanged, 2 skipped/)
    expect(cli(["backfill"]).stdout).toBe(unchanged(3))
    expect(cli(["backfill", "--project", "shop"]).stdout).toBe(unchanged(3))
  }, 60_000)

  it("reads every session again into a new store, even where the old store's copy is left", () => {
    cli(["backfill"])
    expect(existsSync(cache())).toBe(true)
    rmSync(join(dataDir(), "sessions.duckdb"))
    // Another command creates the new store before backfill runs: its new fingerprints table drops the copy.
    expect(cli(["budget", "set", "--daily", "5"]).status).toBe(0)
    expect(existsSync(cache())).toBe(false)
    expect(cli(["backfill"]).stdout).toMatch(/^backfill: 2 session\(s\) recorded, 0 unchanged, 0 skipped/)
  }, 60_000)
})
