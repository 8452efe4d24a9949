import { readdirSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freshHome, parseJson, runCli, runCliAsync, userEnv } from "../support/cli.js"
import { eventually } from "../support/eventually.js"
import { holdDatabase } from "../support/hold-database.js"

describe("writers under DuckDB's file lock", () => {
  it("20 concurrent `log` processes while another process holds the database for 3 s: 20 entries, all exit 0", async () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    expect(runCli(["init"], { env }).status).toBe(0)
    const dataDir = join(home, ".claude", "claude-session-logger")

    const holder = await holdDatabase(join(dataDir, "sessions.duckdb"), 3_000)
    const writers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => runCliAsync(["log", "--category", "task", "--title", `task ${n}`], { env })),
    )
    await holder.released

    for (const writer of writers) {
      expect(writer.status, writer.stderr).toBe(0)
      expect(writer.stdout).toMatch(/^logged task \(open\) id=[0-9A-Z]{26}\n$/)
    }
    // Writers that met the lock (or took the light path) queued in the spool: listed at once, and
    // stored by the detached stores they started (or the next command that opens the database).
    const entries = parseJson<ReadonlyArray<{ readonly title: string }>>(runCli(["list", "--json", "--limit", "100"], { env }))
    expect(entries.map((entry) => entry.title).sort()).toEqual(Array.from({ length: 20 }, (_, n) => `task ${n}`).sort())
    const queued = () => readdirSync(join(dataDir, "spool")).filter((name) => name.endsWith(".json"))
    expect(await eventually(queued, (names) => names.length === 0, 30_000)).toEqual([])

    // Ingest is idempotent: nothing doubles on later opens.
    const events = parseJson<ReadonlyArray<unknown>>(runCli(["events", "--json"], { env }))
    expect(events).toHaveLength(20)
  }, 60_000)

  it("a command that must read first waits out a short hold and then succeeds", async () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    runCli(["log", "--category", "issue", "--title", "held"], { env })
    const holder = await holdDatabase(join(home, ".claude", "claude-session-logger", "sessions.duckdb"), 1_500)
    const resolved = await runCliAsync(["resolve", "--title-match", "held"], { env })
    await holder.released
    expect(resolved.status, resolved.stderr).toBe(0)
    expect(resolved.stdout).toContain("resolved issue")
  })
})
