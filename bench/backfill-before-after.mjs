// Backfill cost of a change, measured in one run on one seeded corpus: ccusage `daily --json
// --offline` (the peer) and the cold and warm `backfill` of two builds, interleaved; medians.
// Usage: node bench/backfill-before-after.mjs --before <dist/cli.cjs> --after <dist/cli.cjs>
//          [--work /tmp/csl-bench-ab] [--sessions 400] [--rounds 3] [--shape default|tool-heavy] [--seed 42]
// Installs ccusage into <work>/ccusage on first use, as bench/ingest.mjs does.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { join } from "node:path"

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const builds = { before: option("before"), after: option("after") }
if (!builds.before || !builds.after) throw new Error("usage: backfill-before-after.mjs --before <cli.cjs> --after <cli.cjs>")
const work = option("work", "/tmp/csl-bench-ab")
const sessions = option("sessions", "400")
const rounds = Number(option("rounds", 3))
const shape = option("shape", "default")
const seed = option("seed", "42")
const ccusageVersion = "20.0.24"
mkdirSync(work, { recursive: true })

const corpus = join(work, `corpus-${shape}-${sessions}${seed === "42" ? "" : `-seed-${seed}`}`)
if (!existsSync(join(corpus, ".claude"))) {
  execFileSync(process.execPath, [join(import.meta.dirname, "generate-corpus.mjs"), corpus, "--sessions", sessions, "--seed", seed, "--shape", shape], { stdio: "inherit" })
}
const ccusage = join(work, "ccusage", "node_modules", ".bin", "ccusage")
if (!existsSync(ccusage)) {
  execFileSync("npm", ["install", "--prefix", join(work, "ccusage"), "--no-save", `ccusage@${ccusageVersion}`, `@ccusage/ccusage-linux-x64@${ccusageVersion}`], { stdio: "ignore" })
}

const env = { PATH: process.env.PATH, HOME: corpus, CLAUDE_CONFIG_DIR: join(corpus, ".claude"), TZ: "UTC", CLAUDE_LOGGER_USER: "bench" }
const timed = (command, commandArgs, extra = {}) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, commandArgs, { env: { ...env, ...extra }, encoding: "utf8", maxBuffer: 1 << 28 })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")}: ${result.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}
/** Lets the detached index refresh that backfill starts finish before the next timing. */
const settle = (cli) => {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (spawnSync("pgrep", ["-f", `${cli} (process-recordings|index)`]).status !== 0) return
    spawnSync("sleep", ["0.05"])
  }
}

const times = { ccusage: [], before: { cold: [], warm: [] }, after: { cold: [], warm: [] } }
for (let round = 0; round < rounds; round++) {
  times.ccusage.push(timed(ccusage, ["daily", "--json", "--offline"]))
  for (const build of ["before", "after"]) {
    const dataDir = mkdtempSync(join(work, `data-${build}-`))
    times[build].cold.push(timed(process.execPath, [builds[build], "backfill"], { CLAUDE_LOGGER_HOME: dataDir }))
    settle(builds[build])
    times[build].warm.push(timed(process.execPath, [builds[build], "backfill"], { CLAUDE_LOGGER_HOME: dataDir }))
    settle(builds[build])
    rmSync(dataDir, { recursive: true, force: true })
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const peer = median(times.ccusage)
console.log(`corpus: ${shape}, ${sessions} sessions (seed ${seed}); medians of ${rounds} interleaved rounds`)
console.log(`ccusage daily --json --offline  ${peer.toFixed(2)} s`)
for (const build of ["before", "after"]) {
  const cold = median(times[build].cold)
  const warm = median(times[build].warm)
  console.log(`${build.padEnd(6)} cold ${cold.toFixed(2)} s = ${(cold / peer).toFixed(2)}x ccusage (<= 1.5x); warm ${warm.toFixed(2)} s = ccusage / ${(peer / warm).toFixed(1)} (>= 5x)`)
}
