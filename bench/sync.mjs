// Issue 4 benchmark, against a DuckDB file remote (what MotherDuck is, attached):
//   initial sync of 100k events (push from one device, then a fresh device pulling them back),
//   and an incremental sync of 10 new events with 10k and with 1M events of history.
// Histories are written straight into the stores with SQL (a million `log` runs would take
// hours), then folded once with `rebuild`, so the devices are in the state syncing leaves them.
// Usage: node bench/sync.mjs [--work /tmp/csl-sync-bench] [--runs 5]
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync } from "node:fs"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const work = option("work", "/tmp/csl-sync-bench")
const runs = Number(option("runs", 5))
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")
mkdirSync(work, { recursive: true })

const device = (name, remote) => {
  const home = mkdtempSync(join(work, `${name}-`))
  const env = { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: name, CLAUDE_LOGGER_REMOTE: remote }
  const run = (commandArgs) => {
    const start = process.hrtime.bigint()
    const result = spawnSync(process.execPath, [cli, ...commandArgs], { env, encoding: "utf8", maxBuffer: 1 << 26 })
    if (result.status !== 0) throw new Error(`${commandArgs.join(" ")}: ${result.stderr}`)
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: result.stdout }
  }
  run(["init"])
  return { run, database: join(home, ".claude", "claude-session-logger", "sessions.duckdb") }
}

/** `count` EntryLogged events with causal-looking ULIDs, as `log` would have written them. */
const historySql = (count, table, withSeq) => `
  INSERT INTO ${table} (${withSeq ? "seq, " : ""}id, type, version, entity_id, device_id, actor, recorded_at, payload)
  SELECT ${withSeq ? "n, " : ""}id, 'EntryLogged', 1, id, 'history-device', 'history', TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_milliseconds(n),
    json_object('entryId', id, 'category', 'task', 'status', 'open', 'title', 'task ' || n, 'body', '', 'sessionId', NULL, 'project', 'bench')
  FROM (SELECT n, '01KA' || lpad(upper(to_hex(n)), 22, '0') AS id FROM range(1, ${count} + 1) t(n))`

const withDatabase = async (path, work) => {
  const instance = await DuckDBInstance.create(path)
  const connection = await instance.connect()
  try {
    await work(connection)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

// 1. Initial sync of 100k events: push to an empty remote, then a fresh device pulls them all.
const initialRemote = join(mkdtempSync(join(work, "remote-")), "remote.duckdb")
const pusher = device("alice", initialRemote)
await withDatabase(pusher.database, async (db) => {
  await db.run(historySql(100_000, "events", false))
  await db.run(`INSERT INTO sync_outbox SELECT id FROM events`)
})
pusher.run(["rebuild"])
const initialPush = pusher.run(["sync"])
const puller = device("bob", initialRemote)
const initialPull = puller.run(["sync"])

// 2. Incremental: 10 new events with 10k and with 1M events of history on both sides.
const incremental = async (history) => {
  const remote = join(mkdtempSync(join(work, "remote-")), "remote.duckdb")
  const alice = device("alice", remote)
  await withDatabase(remote, async (db) => {
    await db.run(`CREATE TABLE events (seq BIGINT PRIMARY KEY, id VARCHAR NOT NULL UNIQUE, type VARCHAR NOT NULL, version INTEGER NOT NULL,
      entity_id VARCHAR NOT NULL, device_id VARCHAR NOT NULL, actor VARCHAR NOT NULL, recorded_at TIMESTAMPTZ NOT NULL, payload JSON NOT NULL)`)
    await db.run(historySql(history, "events", true))
  })
  await withDatabase(alice.database, async (db) => {
    await db.run(historySql(history, "events", false))
    await db.run(`INSERT INTO sync_state (remote, pulled_seq) VALUES ('${remote}', ${history})`)
  })
  alice.run(["rebuild"])
  const times = []
  for (let run = 0; run < runs; run++) {
    for (let n = 0; n < 10; n++) alice.run(["log", "--category", "note", "--title", `new ${run}.${n}`])
    const synced = alice.run(["sync"])
    if (!synced.stdout.startsWith("pushed 10, pulled 0")) throw new Error(`unexpected: ${synced.stdout}`)
    times.push(synced.seconds)
  }
  return median(times)
}
const small = await incremental(10_000)
const large = await incremental(1_000_000)

console.log(`initial sync, 100k events to a file remote: push ${initialPush.seconds.toFixed(2)} s; a fresh device pulling them ${initialPull.seconds.toFixed(2)} s (target <= 5 s)`)
console.log(`incremental sync of 10 events (median of ${runs}): 10k history ${(small * 1000).toFixed(0)} ms, 1M history ${(large * 1000).toFixed(0)} ms = ${(large / small).toFixed(2)}x (target <= 1.5x)`)
