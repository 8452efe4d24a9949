import { DuckDBInstance } from "@duckdb/node-api"
import { readFileSync } from "node:fs"
import { basename, join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

/**
 * Every JSON the session and entry rows reach users through, byte for byte: the files under
 * golden/row-shapes/ hold what these commands printed before the row shapes were defined once,
 * so a reordered key, a lost field or a value read back differently fails here. Only what
 * differs between runs is masked: event ids, the device id, the temp home (and the project named
 * after it) and the times of the notes, logged as the test runs. One change was meant: a
 * `log_entries` table created now lists `status` third, in its row's (and its JSON's) order, where
 * it was fifth; tables created before keep theirs, and every query names its columns.
 */
let home: string
let startedMs: number
const env = () => userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
const ok = (args: ReadonlyArray<string>, extraEnv: Readonly<Record<string, string>> = {}) => {
  const result = runCli(args, { env: { ...env(), ...extraEnv } })
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}
const dataDir = () => join(home, ".claude", "claude-session-logger")
const masked = (text: string) =>
  text
    .replaceAll(home, "<home>")
    .replaceAll(readFileSync(join(dataDir(), "device-id"), "utf8").trim(), "<device>")
    .replaceAll(basename(home), "<home-name>")
    .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, "<event-id>")
    .replace(/"short_id": "\w{8}"/g, '"short_id": "<short-id>"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, (instant) => (Date.parse(instant) >= startedMs ? "<now>" : instant))
    .replace(/\[\d{4}-\d\d-\d\d (\S+) →/g, "[<today> $1 →")
const golden = (name: string) => join(import.meta.dirname, "golden", "row-shapes", name)

const shop = { sessionId: "a1a1a1a1-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop", gitBranch: "feature/coupons" }
const blog = { sessionId: "b2b2b2b2-0000-4000-8000-000000000002", cwd: "/home/dev/projects/blog" }

beforeAll(() => {
  startedMs = Date.now() - 1000
  const created = claudeHome()
  home = created.home
  writeLines(join(created.projectDir, `${shop.sessionId}.jsonl`), [
    userPrompt(shop, "Add coupon codes to checkout", "2026-10-14T09:00:00.000Z"),
    assistant(shop, { messageId: "msg_1", usage: { input: 1000, output: 200, cacheWrite1h: 5000, cacheRead: 20000 }, timestamp: "2026-10-14T09:01:00.000Z" }),
    assistant(shop, { messageId: "msg_2", model: "claude-haiku-4-5-20251001", usage: { input: 300, output: 50, cacheWrite5m: 70 }, timestamp: "2026-10-14T10:05:00.000Z" }),
  ])
  writeLines(join(created.projectDir, `${blog.sessionId}.jsonl`), [
    userPrompt(blog, "Draft the release post", "2026-10-15T20:00:00.000Z"),
    assistant(blog, { messageId: "msg_3", model: "claude-sonnet-4-5-20250929", usage: { input: 12, output: 3456, cacheRead: 789 }, timestamp: "2026-10-15T20:02:30.000Z" }),
  ])
  ok(["backfill"])
  ok(["log", "--category", "issue", "--title", "Coupons round down", "--body", "seen at checkout"])
  ok(["resolve", "--title-match", "Coupons round", "--note", "fixed"])
})

describe("the row shapes' JSON, byte for byte", () => {
  it.each([
    ["sessions.json", ["sessions", "--json"]],
    ["show-session.json", ["show-session", "a1a1a1a1", "--json"]],
    ["search.json", ["search", "checkout", "--json"]],
    ["export-sessions.json", ["export", "--table", "sessions", "--format", "json"]],
    ["export-session-models.json", ["export", "--table", "session_models", "--format", "json"]],
    ["export-log-entries.json", ["export", "--table", "log_entries", "--format", "json"]],
    ["summary.json", ["summary", "--period", "d", "--since", "2026-10-01", "--timezone", "UTC", "--all-users", "--json"]],
    ["blocks.json", ["blocks", "--all-users", "--json"]],
    ["list.json", ["list", "--all-projects", "--json"]],
  ] as const)("%s", async (name, args) => {
    await expect(masked(ok(args))).toMatchFileSnapshot(golden(name))
  })

  it("list from the full CLI as from the light path", async () => {
    await expect(masked(ok(["list", "--all-projects", "--json"], { CLAUDE_LOGGER_FULL_CLI: "1" }))).toMatchFileSnapshot(golden("list.json"))
  })

  it("search answers from its index with the rows it was built with", async () => {
    ok(["index", "--quiet"])
    await expect(masked(ok(["search", "release", "--json"]))).toMatchFileSnapshot(golden("search-from-index.json"))
  })

  it("the session-start snapshot and the entries read model", async () => {
    ok(["sessions", "--limit", "1"])
    await expect(masked(readFileSync(join(dataDir(), "snapshot.json"), "utf8"))).toMatchFileSnapshot(golden("snapshot.json"))
    await expect(masked(readFileSync(join(dataDir(), "entries-read-model.jsonl"), "utf8"))).toMatchFileSnapshot(golden("entries-read-model.jsonl"))
  })

  it("the projection tables: their columns, types, nullability and keys", async () => {
    const instance = await DuckDBInstance.create(join(dataDir(), "sessions.duckdb"), { access_mode: "READ_ONLY" })
    const connection = await instance.connect()
    try {
      const columns = await connection.runAndReadAll(`
        SELECT table_name, column_index, column_name, data_type, is_nullable FROM duckdb_columns()
        WHERE schema_name = 'csl_projections' AND table_name IN ('sessions', 'session_models', 'session_usage_hourly', 'log_entries')
        ORDER BY table_name, column_index`)
      const keys = await connection.runAndReadAll(`
        SELECT table_name, constraint_column_names::VARCHAR AS key FROM duckdb_constraints()
        WHERE schema_name = 'csl_projections' AND constraint_type = 'PRIMARY KEY' ORDER BY table_name`)
      await expect(JSON.stringify({ columns: columns.getRowObjectsJson(), keys: keys.getRowObjectsJson() }, null, 1))
        .toMatchFileSnapshot(golden("projection-tables.json"))
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })
})
