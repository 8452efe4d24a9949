// Start-up of the commands people wait on, against a bare `node -e 0` in the same run.
// The session-start hooks (`recent`, `inbox --count`): at most 4x. `--version` and `--help`: at
// most 2x. `list`, `show`, `log` and `resolve`, which Claude runs mid-conversation, on a store
// of 10,000 entries: at most 4x.
// Usage: node bench/hot-path.mjs [runs] [entries] [other-cli.cjs ...]
// Other builds of the CLI given (say, one built from main) are timed in the same interleaved run.
// Each command is timed once the previous write's detached `store-queued` has ended;
// BENCH_NO_SETTLE=1 times them without waiting, as a burst of commands would meet them.
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { monotonicFactory } from "ulid"

const runs = Number(process.argv[2] ?? 30)
const entryCount = Number(process.argv[3] ?? 10_000)
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")
const clis = [cli, ...process.argv.slice(4)]
const home = mkdtempSync(join(tmpdir(), "csl-bench-"))
const dataDir = join(home, ".claude", "claude-session-logger")
const env = { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: "alice" }

const run = (args, extraEnv = {}) => {
  // Run in the bench's home, outside any repository: its project is the home's folder name.
  const result = spawnSync(process.execPath, args, { cwd: home, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`)
  return result.stdout
}

// The store: one entry logged through the CLI (it creates the database and the device id), then
// the rest queued in the spool the way a writer that found the database busy leaves them, so the
// next command ingests them in one transaction. All belong to the project `list` shows by
// default (the one of the directory it runs in). Half are issues, a tenth resolved by a teammate.
const firstId = /id=(\S+)/.exec(run([cli, "log", "--category", "issue", "--title", "first issue"]))[1]
const spoolDir = join(dataDir, "spool")
mkdirSync(spoolDir, { recursive: true })
const nextId = monotonicFactory()
const startMs = Date.now() - 30 * 24 * 60 * 60 * 1000
const spool = (type, entityId, actor, payload, id) =>
  writeFileSync(join(spoolDir, `${id}.json`), JSON.stringify({ id, type, version: 1, entityId, deviceId: "bench-device", actor, recordedAt: new Date().toISOString(), payload }))
for (let n = 1; n < entryCount; n++) {
  const id = nextId(startMs + n * 1000)
  const category = n % 2 === 0 ? "issue" : "note"
  spool("EntryLogged", id, "alice", { entryId: id, category, status: "open", title: `${category} ${n}`, body: `details of ${category} ${n}`, sessionId: null, project: basename(home) }, id)
  if (n % 10 === 0) spool("EntryStatusChanged", id, "bob", { entryId: id, status: "resolved", note: null }, nextId(startMs + n * 1000 + 1))
}
run([cli, "list", "--limit", "1"])
const listed = JSON.parse(run([cli, "list", "--limit", String(entryCount * 2), "--json"]))
if (listed.length < entryCount) throw new Error(`the store holds ${listed.length} entries, not ${entryCount}`)
const shortId = firstId.slice(-8)

const time = (args) => {
  const start = process.hrtime.bigint()
  run(args)
  return Number(process.hrtime.bigint() - start) / 1e6
}
const percentile = (values, fraction) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * fraction))]
const median = (values) => percentile(values, 0.5)
const p95 = (values) => percentile(values, 0.95)
// `log` and `resolve` leave a detached `store-queued` storing their event. Left running, it
// competes for the cores with the next command timed (and holds the database, which sends a light
// command to the full CLI), so the bench would time the previous write rather than the command.
const settle = process.env.BENCH_NO_SETTLE === undefined
const settled = (bin) => {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)) {
    if (spawnSync("pgrep", ["-f", `${bin} store-queued`]).status !== 0) return
  }
  throw new Error(`${bin} store-queued still running after a minute`)
}

const commands = [
  { name: "recent", args: ["recent"], target: 4 },
  { name: "inbox --count", args: ["inbox", "--count"], target: 4 },
  { name: "--version", args: ["--version"], target: 2 },
  { name: "--help", args: ["--help"], target: 2 },
  { name: "list", args: ["list"], target: 4 },
  { name: "show", args: ["show", shortId], target: 4 },
  { name: "log", args: ["log", "--category", "note", "--title", "a note from the bench"], target: 4 },
  // Alternates the status, so each run changes the entry.
  { name: "resolve", args: (n) => ["resolve", "--id", shortId, "--status", n % 2 === 0 ? "resolved" : "open"], target: 4 },
]
const baseline = []
const samples = new Map(clis.flatMap((bin) => commands.map((command) => [`${bin} ${command.name}`, []])))
for (let n = 0; n < runs; n++) {
  // Interleaved, so machine noise hits every command alike.
  if (settle) clis.forEach(settled)
  baseline.push(time(["-e", "0"]))
  for (const command of commands) {
    for (const bin of clis) {
      if (settle) settled(bin)
      samples.get(`${bin} ${command.name}`).push(time([bin, ...(typeof command.args === "function" ? command.args(n) : command.args)]))
    }
  }
}
const base = median(baseline)
console.log(`runs: ${runs} each, interleaved, ${settle ? "each after the previous write's store-queued ended" : "not waiting for store-queued"}; medians (p95); store of ${listed.length} entries`)
console.log(`node -e 0         ${base.toFixed(1)} ms  (p95 ${p95(baseline).toFixed(1)} ms)  (baseline)`)
for (const bin of clis) {
  if (clis.length > 1) console.log(bin)
  for (const command of commands) {
    const timings = samples.get(`${bin} ${command.name}`)
    const value = median(timings)
    const ratio = value / base
    console.log(`${command.name.padEnd(17)} ${value.toFixed(1)} ms  (p95 ${p95(timings).toFixed(1)} ms)  ${ratio.toFixed(2)}x baseline  (target <= ${command.target}x: ${ratio <= command.target ? "met" : "MISSED"})`)
  }
}
console.log(`badge printed: ${JSON.stringify(run([cli, "inbox", "--count"]).trim())}`)
