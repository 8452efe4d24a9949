import { DuckDBInstance } from "@duckdb/node-api"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { writeSessionWithCalls } from "../support/activity-transcript.js"
import { freshHome, runCli, userEnv } from "../support/cli.js"
import { writeLines } from "../support/transcript-builder.js"

const home = freshHome()
const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
const cli = (args: ReadonlyArray<string>) => runCli(args, { env })
const ok = (args: ReadonlyArray<string>) => {
  const result = cli(args)
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}

type Row = Readonly<Record<string, unknown>>

/** Values as comparable JSON: numbers as numbers, JSON text as what it holds, empty as null. */
const canonical = (value: unknown): unknown => {
  if (value === null || value === undefined || value === "") return null
  if (typeof value === "bigint") return Number(value)
  if (typeof value === "boolean" || typeof value === "number") return value
  if (typeof value === "object") return JSON.stringify(value)
  const text = String(value)
  if (text === "true" || text === "false") return text === "true"
  if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return Number(text)
  if (text.startsWith("{")) return JSON.stringify(JSON.parse(text))
  return text
}
const canonicalRows = (rows: ReadonlyArray<Row>) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, canonical(value)])))

const readBack = async (file: string, format: string): Promise<ReadonlyArray<Row>> => {
  const reader = format === "csv"
    ? `read_csv('${file}', all_varchar = true, header = true)`
    : format === "parquet"
    ? `read_parquet('${file}')`
    : `(SELECT json::VARCHAR AS object FROM read_json_objects('${file}', format = '${format === "json" ? "array" : "newline_delimited"}'))`
  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  try {
    const result = await connection.runAndReadAll(`SELECT * FROM ${reader}`)
    const rows = result.getRowObjectsJson() as ReadonlyArray<Row>
    // JSON is read as the objects it holds, so the reader's type guessing cannot change a value.
    return format === "json" || format === "jsonl" ? rows.map((row) => JSON.parse(String(row.object)) as Row) : rows
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const tables = ["sessions", "session_models", "log_entries", "events", "activity"] as const
const formats = ["csv", "json", "jsonl", "parquet"] as const

beforeAll(() => {
  const projectDir = join(home, ".claude", "projects", "-home-dev-projects-shop")
  writeSessionWithCalls(projectDir, { sessionId: "e1e1e1e1-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop" }, [
    { name: "Read", input: { file_path: "/home/dev/projects/shop/src/app.ts" } },
    { name: "Bash", input: { command: "npm test, with \"quotes\"" }, failed: true },
  ])
  writeSessionWithCalls(projectDir, { sessionId: "e2e2e2e2-0000-4000-8000-000000000002", cwd: "/home/dev/projects/blog" }, [
    { name: "WebFetch", input: { url: "https://example.com/a,b" } },
  ], "2026-10-03T10:00:00.000Z")
  writeLines(join(projectDir, "ignored.txt"), ["not a transcript"])
  ok(["backfill"])
  ok(["log", "--category", "issue", "--title", "Flaky, \"quoted\" test", "--body", "line one\nline two"])
})

describe("export", () => {
  it.each(tables.flatMap((table) => formats.map((format) => [table, format] as const)))(
    "%s as %s reads back in DuckDB with the rows and values of the JSON export",
    async (table, format) => {
      const reference = JSON.parse(ok(["export", "--table", table, "--format", "json"])) as ReadonlyArray<Row>
      expect(reference.length).toBeGreaterThan(0)
      const file = join(home, `${table}.${format}`)
      ok(["export", "--table", table, "--format", format, "--out", file])
      expect(canonicalRows(await readBack(file, format))).toEqual(canonicalRows(reference))
    },
  )

  it("writes to stdout what it writes to a file", () => {
    const file = join(home, "sessions-stdout.csv")
    ok(["export", "--table", "sessions", "--out", file])
    expect(ok(["export", "--table", "sessions"])).toBe(readFileSync(file, "utf8"))
  })

  it("carries the column names of the --json output", () => {
    const [exported] = JSON.parse(ok(["export", "--table", "sessions", "--format", "json"])) as ReadonlyArray<Row>
    const [listed] = JSON.parse(ok(["sessions", "--json"])) as ReadonlyArray<Row>
    expect(Object.keys(exported ?? {})).toEqual(Object.keys(listed ?? {}))
  })

  it("filters by project and period", () => {
    const rows = (args: ReadonlyArray<string>) => JSON.parse(ok(["export", "--table", "activity", "--format", "json", ...args])) as ReadonlyArray<Row>
    expect(rows(["--project", "blog"]).map((row) => row.tool)).toEqual(["WebFetch"])
    expect(rows(["--since", "2026-10-02"]).map((row) => row.tool)).toEqual(["WebFetch"])
    expect(rows(["--until", "2026-10-02"]).map((row) => row.tool)).toEqual(["Read", "Bash"])
  })

  it("refuses Parquet on stdout and --project for events, in one line each", () => {
    expect(cli(["export", "--table", "sessions", "--format", "parquet"])).toMatchObject({
      status: 1,
      stdout: "",
      stderr: "claude-session-logger: Parquet is binary: give --out FILE\n",
    })
    expect(cli(["export", "--table", "events", "--project", "shop"])).toMatchObject({
      status: 1,
      stderr: "claude-session-logger: --project does not apply to --table events (events name no project)\n",
    })
  })
})
