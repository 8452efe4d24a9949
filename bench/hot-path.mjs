// Session-start hot path: `recent` and `inbox --count` run at every Claude Code session start.
// Target: each at most 4x the wall time of a bare `node -e 0`, measured here in the same run.
// Usage: node bench/hot-path.mjs [runs]
import { spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const runs = Number(process.argv[2] ?? 40)
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")
const home = mkdtempSync(join(tmpdir(), "csl-bench-"))
const env = { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: "alice" }

const run = (args, extraEnv = {}) => {
  const result = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, encoding: "utf8" })
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`)
  return result.stdout
}

// A history worth reading: 200 entries, half of them changed by a teammate.
for (let n = 0; n < 100; n++) {
  const id = /id=(\S+)/.exec(run([cli, "log", "--category", "issue", "--title", `issue ${n}`]))[1]
  run([cli, "log", "--category", "note", "--title", `note ${n}`])
  if (n % 2 === 0) run([cli, "resolve", "--id", id], { CLAUDE_LOGGER_USER: "bob" })
}

const time = (args) => {
  const start = process.hrtime.bigint()
  run(args)
  return Number(process.hrtime.bigint() - start) / 1e6
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const samples = { baseline: [], recent: [], inboxCount: [] }
for (let n = 0; n < runs; n++) {
  // Interleaved, so machine noise hits all three alike.
  samples.baseline.push(time(["-e", "0"]))
  samples.recent.push(time([cli, "recent"]))
  samples.inboxCount.push(time([cli, "inbox", "--count"]))
}
const base = median(samples.baseline)
console.log(`runs: ${runs} each, interleaved; medians`)
console.log(`node -e 0         ${base.toFixed(1)} ms  (baseline)`)
for (const [name, values] of [["recent", samples.recent], ["inbox --count", samples.inboxCount]]) {
  const ratio = median(values) / base
  console.log(`${name.padEnd(17)} ${median(values).toFixed(1)} ms  ${ratio.toFixed(2)}x baseline  (target <= 4x: ${ratio <= 4 ? "met" : "MISSED"})`)
}
console.log(`badge printed: ${JSON.stringify(run([cli, "inbox", "--count"]).trim())}`)
