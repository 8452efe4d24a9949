import { DuckDBInstance } from "@duckdb/node-api"
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { writeSessionWithCalls } from "../support/activity-transcript.js"
import { freshHome, parseJson, projectRoot, runCli, userEnv } from "../support/cli.js"

interface CallJson {
  readonly session_id: string
  readonly tool_use_id: string
  readonly tool: string
  readonly target: string | null
  readonly errored: boolean
  readonly risk?: string | null
}

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** Every `*.jsonl` under `dir`, subagent folders included. */
const transcriptsUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? transcriptsUnder(path) : name.endsWith(".jsonl") ? [path] : []
  })

/**
 * Counted here without the parser: each tool_use id of a top-level assistant line, per tool. A
 * call copied into another session keeps its id, so it is one call whichever sessions hold it.
 */
const independentCount = (projectsDir: string): Readonly<Record<string, number>> => {
  const tools = new Map<string, string>()
  for (const path of transcriptsUnder(projectsDir)) {
    for (const text of readFileSync(path, "utf8").split("\n")) {
      let line: { type?: unknown; message?: { content?: unknown } }
      try {
        line = JSON.parse(text) as typeof line
      } catch {
        continue
      }
      if (line.type !== "assistant" || !Array.isArray(line.message?.content)) continue
      for (const block of line.message.content as ReadonlyArray<{ type?: unknown; id?: unknown; name?: unknown }>) {
        if (block.type === "tool_use" && typeof block.id === "string" && typeof block.name === "string") tools.set(block.id, block.name)
      }
    }
  }
  const counts: Record<string, number> = {}
  for (const tool of tools.values()) counts[tool] = (counts[tool] ?? 0) + 1
  return counts
}

describe("activity", () => {
  it("records every tool call of a generated corpus: per tool, the independent count", () => {
    console.log(`activity corpus seed ${seed} (replay with PROPERTY_SEED=${seed})`)
    const home = mkdtempSync(join(tmpdir(), "csl-activity-corpus-"))
    execFileSync(process.execPath, [
      join(projectRoot, "bench", "generate-corpus.mjs"),
      home,
      ...["--sessions", "40", "--projects", "3", "--copies", "0.5", "--seed", String(seed)],
    ])
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    expect(runCli(["backfill"], { env }).status).toBe(0)
    const calls = parseJson<ReadonlyArray<CallJson>>(runCli(["export", "--table", "activity", "--format", "json"], { env }))
    const recorded: Record<string, Set<string>> = {}
    for (const call of calls) (recorded[call.tool] ??= new Set()).add(call.tool_use_id)
    const expected = independentCount(join(home, ".claude", "projects"))
    expect(Object.keys(expected).length).toBeGreaterThan(1)
    expect(Object.fromEntries(Object.entries(recorded).map(([tool, ids]) => [tool, ids.size]))).toEqual(expected)
    // Within one session a call is one row, however many lines repeat it.
    expect(new Set(calls.map((call) => `${call.session_id} ${call.tool_use_id}`)).size).toBe(calls.length)
  }, 120_000)

  const shopSession = "a1a1a1a1-0000-4000-8000-000000000001"
  const setUp = () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" })
    writeSessionWithCalls(join(home, ".claude", "projects", "-home-dev-projects-shop"), { sessionId: shopSession, cwd: "/home/dev/projects/shop" }, [
      { name: "Read", input: { file_path: "/home/dev/projects/shop/src/cart.ts" } },
      { name: "Edit", input: { file_path: "/home/dev/projects/shop/src/cart.ts", old_string: "a", new_string: "b" } },
      { name: "Read", input: { file_path: "/home/dev/projects/shop/src/cart.ts" } },
      { name: "Bash", input: { command: "npm test -- --planted-marker-7731" }, failed: true },
      { name: "Bash", input: { command: "sudo systemctl restart shop" } },
      { name: "WebFetch", input: { url: "https://example.com/docs", prompt: "read" } },
      { name: "mcp__github__create_issue", input: { title: "x" } },
      { name: "Write", input: { file_path: "/etc/shop.conf", content: "x" } },
    ])
    return { home, env, run: (args: ReadonlyArray<string>) => runCli(args, { env }) }
  }

  it("summarises a period: per tool, files edited and read (and read again), commands, URLs, risky calls", () => {
    const { run } = setUp()
    expect(run(["backfill"]).status).toBe(0)
    const summary = parseJson<Record<string, unknown>>(run(["activity", "--json"]))
    expect(summary).toMatchObject({
      calls: 8,
      sessions: 1,
      per_tool: [
        { tool: "Bash", calls: 2, errors: 1 },
        { tool: "Read", calls: 2, errors: 0 },
        { tool: "Edit", calls: 1, errors: 0 },
        { tool: "mcp__github__create_issue", calls: 1, errors: 0 },
        { tool: "WebFetch", calls: 1, errors: 0 },
        { tool: "Write", calls: 1, errors: 0 },
      ],
      most_edited_files: [{ file: "/etc/shop.conf", edits: 1 }, { file: "/home/dev/projects/shop/src/cart.ts", edits: 1 }],
      most_read_files: [{ file: "/home/dev/projects/shop/src/cart.ts", reads: 2 }],
      read_repeatedly: [{ file: "/home/dev/projects/shop/src/cart.ts", session_id: shopSession, reads: 2 }],
      commands: [{ command: "npm test -- --planted-marker-7731", runs: 1, errors: 1 }, { command: "sudo systemctl restart shop", runs: 1, errors: 0 }],
      urls: [{ url: "https://example.com/docs", calls: 1 }],
    })
    expect((summary.risky as ReadonlyArray<CallJson>).map((call) => [call.tool, call.risk])).toEqual([
      ["Bash", "runs as root (sudo)"],
      ["Write", "writes outside the session's directory"],
    ])
    const risky = run(["activity", "--risky"]).stdout
    expect(risky).toContain("Risky calls")
    expect(risky).not.toContain("Most read files")
    expect(parseJson<{ calls: number }>(run(["activity", "--tool", "bash", "--json"])).calls).toBe(2)
    expect(parseJson<{ calls: number }>(run(["activity", "--project", "blog", "--json"])).calls).toBe(0)
    expect(parseJson<{ calls: number }>(run(["activity", "--since", "2026-10-02", "--json"])).calls).toBe(0)
  })

  it("shows one session's timeline by id prefix, and show-session counts it", () => {
    const { run } = setUp()
    run(["backfill"])
    const timeline = run(["activity", "a1a1"]).stdout.split("\n")
    expect(timeline[0]).toMatch(/^TIME\s+TOOL\s+TARGET\s+RISK$/)
    expect(timeline[1]).toMatch(/^2026-10-01 10:01\s+Read\s+\/home\/dev\/projects\/shop\/src\/cart\.ts$/)
    expect(timeline[4]).toMatch(/Bash\s+npm test -- --planted-marker-7731\s+✗$/)
    expect(timeline[5]).toMatch(/sudo systemctl restart shop\s+runs as root \(sudo\)$/)
    expect(timeline[7]).toMatch(/mcp__github__create_issue\s+github create_issue/)
    expect(parseJson<{ activity: unknown }>(run(["show-session", "a1a1", "--json"])).activity).toEqual({ files_changed: 2, commands: 2, risky: 2 })
    expect(run(["show-session", "a1a1"]).stdout).toContain("Activity: 2 file(s) changed · 2 command(s) · 2 risky — activity a1a1a1a1")
    expect(run(["activity", "zzzz"])).toMatchObject({ status: 1, stdout: "" })
  })

  it("never reaches a remote: after sync, no table of the remote file holds a planted command", async () => {
    const { env, run } = setUp()
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    run(["backfill"])
    expect(run(["activity", "--json"]).stdout).toContain("planted-marker-7731")
    expect(runCli(["sync"], { env: { ...env, CLAUDE_LOGGER_REMOTE: remote } }).status).toBe(0)
    expect(readFileSync(remote).includes("planted-marker-7731")).toBe(false)
    const instance = await DuckDBInstance.create(remote, { access_mode: "READ_ONLY" })
    const connection = await instance.connect()
    try {
      const tables = (await connection.runAndReadAll(`SELECT schema_name, table_name FROM duckdb_tables()`)).getRows()
      expect(tables.length).toBeGreaterThan(0)
      expect(tables.map(([, name]) => String(name))).not.toContain("activity_calls")
      for (const [schema, table] of tables) {
        const rows = await connection.runAndReadAll(`SELECT count(*) FROM "${String(schema)}"."${String(table)}" t WHERE to_json(t)::VARCHAR LIKE '%planted-marker-7731%'`)
        expect(Number(rows.getRows()[0]?.[0]), `${String(table)} holds the command`).toBe(0)
      }
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })
})
