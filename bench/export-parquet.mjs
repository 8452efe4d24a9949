// `export --table sessions --format parquet` of 100k sessions (issue 15: at most 2 s).
// Usage: node bench/export-parquet.mjs [--sessions 100000]. Needs the built CLI.
// The sessions are written straight into the projection of a fresh store: export reads only it.
import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"

const args = process.argv.slice(2)
const count = Number(args.includes("--sessions") ? args[args.indexOf("--sessions") + 1] : 100_000)
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")
const home = mkdtempSync(join(tmpdir(), "csl-export-bench-"))
const env = { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: "bench" }
const run = (cliArgs) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [cli, ...cliArgs], { env, encoding: "utf8" })
  if (result.status !== 0) throw new Error(result.stderr)
  return Number(process.hrtime.bigint() - start) / 1e9
}
run(["budget", "set", "--daily", "1"]) // creates the store
const instance = await DuckDBInstance.create(join(home, ".claude", "claude-session-logger", "sessions.duckdb"))
const connection = await instance.connect()
await connection.run(`INSERT INTO csl_projections.sessions
  SELECT 'session-' || i, 'project-' || (i % 40), '/home/dev/project-' || (i % 40),
    TIMESTAMPTZ '2026-01-01' + INTERVAL (i) MINUTE, TIMESTAMPTZ '2026-01-01' + INTERVAL (i + 30) MINUTE, 30,
    'claude-opus-4-6', i * 10, i * 3, i, i * 50, i * 64, i / 1000.0, 12, 7, '', 'main', '2.1.39',
    'Session number ' || i, 'general', 'bench', 'device', NULL, '/x/' || i || '.jsonl', 'event-' || i
  FROM range(${count}) AS t(i)`)
connection.closeSync()
instance.closeSync()
const seconds = run(["export", "--table", "sessions", "--format", "parquet", "--out", join(home, "sessions.parquet")])
console.log(`export of ${count} sessions as Parquet: ${seconds.toFixed(2)} s (whole command, process start included; target <= 2 s)`)
