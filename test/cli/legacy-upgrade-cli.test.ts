import { DuckDBInstance } from "@duckdb/node-api"
import { spawn } from "node:child_process"
import { once } from "node:events"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { EntryView } from "../../src/entries/entry-queries.js"
import type { SessionView } from "../../src/sessions/session-queries.js"
import { cliPath, freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"
import { type LegacyData, legacyData, type LegacyLayout, legacyTableContents, writeLegacyStore } from "../support/legacy-store.js"


/** A user of 0.3.45 upgrading in place: the original's file is where ours will be. */
const upgradedUser = async (layout: LegacyLayout, data: LegacyData) => {
  const home = freshHome()
  const dataDir = join(home, ".claude", "claude-session-logger")
  mkdirSync(dataDir, { recursive: true })
  const database = join(dataDir, "sessions.duckdb")
  await writeLegacyStore(database, layout, data)
  return { env: userEnv(home, { CLAUDE_LOGGER_USER: "alice" }), database }
}

const ok = (result: ReturnType<typeof runCli>) => {
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}

const expectedEntry = (data: LegacyData, entry: LegacyData["entries"][number]) => ({
  id: entry.id,
  category: entry.category,
  status: entry.status,
  title: entry.title,
  body: entry.body,
  session_id: entry.session_id,
  project: data.sessions.find((session) => session.session_id === entry.session_id)?.project ?? null,
  logged_at: entry.logged_at,
  updated_at: entry.updated_at ?? entry.logged_at,
  created_by: entry.created_by,
  updated_by: entry.updated_by ?? entry.created_by,
})

const round = (value: number) => Math.round(value * 1e6) / 1e6

describe("upgrading from the Python original in place", () => {
  const data = legacyData(500, 300)

  for (const layout of ["migrated", "fresh"] as const) {
    it(`keeps every entry and session of a ${layout} store, and leaves its tables as they were`, async () => {
      const { database, env } = await upgradedUser(layout, data)
      const before = await legacyTableContents(database)

      const entries = parseJson<ReadonlyArray<EntryView>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env }))
      expect(entries).toHaveLength(500)
      const byId = new Map(entries.map((entry) => [entry.id, entry]))
      for (const entry of data.entries) {
        const { short_id: _short, ...shown } = byId.get(entry.id) ?? ({} as EntryView)
        expect(shown).toEqual(expectedEntry(data, entry))
      }

      const sessions = parseJson<ReadonlyArray<SessionView>>(runCli(["sessions", "--json", "--limit", "1000"], { env }))
      expect(sessions).toHaveLength(300)
      const sessionById = new Map(sessions.map((session) => [session.session_id, session]))
      for (const session of data.sessions) {
        const shown = sessionById.get(session.session_id)
        const sum = (pick: (model: (typeof session.models)[number]) => number) => session.models.reduce((total, model) => total + pick(model), 0)
        expect({ ...shown, cost_usd: round(shown?.cost_usd ?? 0) }).toMatchObject({
          project: session.project,
          title: session.title,
          started_at: session.started_at,
          ended_at: session.ended_at,
          models: session.models.map((model) => model.model).join(","),
          input_tokens: sum((model) => model.input_tokens),
          output_tokens: sum((model) => model.output_tokens),
          cache_write_tokens: sum((model) => model.cache_write_tokens),
          cache_read_tokens: sum((model) => model.cache_read_tokens),
          cost_usd: round(sum((model) => model.cost_usd)),
          message_count: session.message_count,
          created_by: session.created_by,
        })
      }

      // The badge counts what others changed after the watermark the original kept.
      const unseen = data.entries.filter((entry) =>
        (entry.updated_by ?? entry.created_by) !== "alice" && (entry.updated_at ?? entry.logged_at) > data.watermark).length
      expect(unseen).toBeGreaterThan(0)
      expect(ok(runCli(["inbox", "--count"], { env }))).toContain(`📬 ${unseen} shared issue update(s)`)

      ok(runCli(["rebuild"], { env }))
      expect(parseJson<ReadonlyArray<EntryView>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env }))).toEqual(entries)
      expect(await legacyTableContents(database)).toEqual(before)
    }, 120_000)
  }

  it("a kill -9 in the middle of the import, then a rerun, leaves exactly one copy", async () => {
    const { env } = await upgradedUser("migrated", data)
    // Startup takes about 0.3 s and the import about 0.35 s more (2 cores): these land before, in and after it.
    for (const delayMs of [200, 350, 500, 650]) {
      const child = spawn(process.execPath, [cliPath, "list"], { env, cwd: env.HOME, stdio: "ignore" })
      const closed = once(child, "close")
      await new Promise((done) => setTimeout(done, delayMs))
      child.kill("SIGKILL")
      await closed
    }
    const entries = parseJson<ReadonlyArray<EntryView>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env }))
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(500)
    const events = parseJson<ReadonlyArray<{ readonly type: string }>>(runCli(["events", "--json"], { env }))
    const changed = data.entries.filter((entry) => entry.updated_at !== null).length
    expect(events.length).toBe(500 + changed + 300 + 1)
  }, 120_000)

  it("a session whose transcript is still on disk keeps the numbers parsed from it, whichever comes first", async () => {
    const legacy = legacyData(0, 1)
    const recorded = legacy.sessions[0]
    for (const order of ["import first", "backfill first"] as const) {
      const { home, projectDir } = claudeHome()
      const context = { sessionId: recorded?.session_id ?? "", cwd: "/home/dev/projects/shop" }
      writeLines(join(projectDir, `${context.sessionId}.jsonl`), [
        userPrompt(context, "Parsed from the transcript", "2025-03-01T08:00:00.000Z"),
        assistant(context, { messageId: "m1", usage: { input: 7, output: 11 }, timestamp: "2025-03-01T08:01:00.000Z" }),
      ])
      const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
      const legacyFile = join(home, "old.duckdb")
      await writeLegacyStore(legacyFile, "migrated", legacy)
      const steps = [["import-legacy", "--from", legacyFile], ["backfill"]]
      for (const step of order === "import first" ? steps : steps.reverse()) ok(runCli(step, { env }))
      const [shown] = parseJson<ReadonlyArray<SessionView>>(runCli(["sessions", "--json"], { env }))
      expect(shown, order).toMatchObject({ title: "Parsed from the transcript", input_tokens: 7, output_tokens: 11 })
    }
  }, 60_000)

  it("finds an entry by the UUID prefix users of the original typed, next to ULID short ids", async () => {
    const small = legacyData(5, 2)
    const { env } = await upgradedUser("migrated", small)
    const target = small.entries[3]
    const shown = ok(runCli(["show", target?.id.slice(0, 8) ?? ""], { env }))
    expect(shown).toContain(target?.title)
    const events = parseJson<ReadonlyArray<{ readonly entityId: string }>>(runCli(["events", "--entity", target?.id.slice(0, 8) ?? "", "--json"], { env }))
    expect(events.map((event) => event.entityId)).toEqual(events.map(() => target?.id))
    expect(events.length).toBeGreaterThan(0)
    const logged = /id=(\S+)/.exec(ok(runCli(["log", "--category", "task", "--title", "A new task"], { env })))?.[1] ?? ""
    expect(ok(runCli(["show", logged.slice(-8)], { env }))).toContain("A new task")
  }, 60_000)

  it("uninstall keeps a data dir whose database holds the original's tables, and says why", async () => {
    const { database, env } = await upgradedUser("fresh", legacyData(5, 2))
    const before = await legacyTableContents(database)
    ok(runCli(["list"], { env }))
    const result = runCli(["setup", "--uninstall", "--yes"], { env: { ...env, CLAUDE_LOGGER_CRONTAB: "true" } })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain("its database holds the Python version's tables, which this tool did not create")
    expect(await legacyTableContents(database)).toEqual(before)
  }, 60_000)

  it("import-legacy imports another file once: a rerun adds nothing", async () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    const source = join(home, "old.duckdb")
    await writeLegacyStore(source, "fresh", legacyData(12, 4))
    expect(ok(runCli(["import-legacy", "--from", source], { env }))).toMatch(/^imported 12 entries and 4 sessions from .*old\.duckdb: \d+ new event\(s\)\n$/)
    expect(ok(runCli(["import-legacy", "--from", source], { env }))).toMatch(/: 0 new event\(s\)\n$/)
    expect(parseJson<ReadonlyArray<EntryView>>(runCli(["list", "--all-projects", "--json"], { env }))).toHaveLength(12)
  }, 60_000)

  it("import-legacy --from a file without the original's tables says so and exits 1", () => {
    const home = freshHome()
    const env = userEnv(home)
    const result = runCli(["import-legacy", "--from", join(home, "missing.duckdb")], { env })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^claude-session-logger: cannot import from .*missing\.duckdb: no such file\n$/)
  })
})

describe("a store of ours from 0.1.0 (projections in main)", () => {
  it("is refolded into the projections' own schema; tables it did not create stay as they are", async () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    ok(runCli(["log", "--category", "issue", "--title", "Kept across the upgrade"], { env }))
    const database = join(home, ".claude", "claude-session-logger", "sessions.duckdb")
    // Put the projections back where 0.1.0 kept them, next to a table of the user's own.
    const instance = await DuckDBInstance.create(database)
    const connection = await instance.connect()
    for (const table of ["log_entries", "sessions", "session_models", "session_usage_hourly", "inbox_watermarks"]) {
      await connection.run(`CREATE TABLE main.${table} AS SELECT * FROM csl_projections.${table}`)
    }
    await connection.run(`DROP SCHEMA csl_projections CASCADE`)
    await connection.run(`UPDATE projection_versions SET version = 1`)
    await connection.run(`CREATE TABLE main.my_notes (line VARCHAR)`)
    await connection.run(`INSERT INTO main.my_notes VALUES ('mine')`)
    connection.closeSync()
    instance.closeSync()

    expect(ok(runCli(["list"], { env }))).toContain("Kept across the upgrade")

    const after = await DuckDBInstance.create(database)
    const reader = await after.connect()
    const tables = (await reader.runAndReadAll(`SELECT schema_name || '.' || table_name AS name FROM duckdb_tables() ORDER BY 1`)).getRowObjectsJS().map((row) => row.name)
    const mine = (await reader.runAndReadAll(`SELECT line FROM main.my_notes`)).getRowObjectsJS()
    reader.closeSync()
    after.closeSync()
    expect(tables).toContain("main.my_notes")
    expect(tables).toContain("csl_projections.log_entries")
    expect(tables).not.toContain("main.log_entries")
    expect(tables).not.toContain("main.session_models")
    expect(mine).toEqual([{ line: "mine" }])
  }, 60_000)
})
