// Issue 3 benchmark, all figures from one run on seeded corpora:
//   ccusage `daily --json --offline` (the peer, native Rust) vs our cold and warm `backfill`, on
//   two differently shaped histories (issue 12: the default heavy user, and `tool-heavy`: many
//   small assistant lines, large tool results, long lines, mostly subagents), per-UTC-day token
//   totals compared exactly with ccusage and with the generator's truth on each; the `record`
//   hook's return time on a 50 MB transcript (p95) and how soon the session shows up, and peak
//   memory on a 700 MB transcript.
// Usage: node bench/ingest.mjs [--work /tmp/csl-bench] [--runs 20] [--rounds 3]
//          [--sessions 3100] [--tool-heavy-sessions 500] [--skip-huge]
//   --sessions / --tool-heavy-sessions size the two corpora (≈1.2 GB and ≈1.1 GB by default;
//   1000 and 260 give ≈0.6 GB each); --skip-huge leaves out the 700 MB step.
// Needs the built CLI (npm run build). Installs ccusage into <work>/ccusage on first use.
import { execFileSync, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const work = option("work", "/tmp/csl-bench")
const runs = Number(option("runs", 20))
const rounds = Number(option("rounds", 3))
const skipHuge = args.includes("--skip-huge")
const here = import.meta.dirname
const cli = join(here, "..", "dist", "cli.cjs")
const ccusageVersion = "20.0.24" // the newest whose Linux binary the registry here serves
mkdirSync(work, { recursive: true })

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9
const timed = (command, commandArgs, env) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, commandArgs, { env: { PATH: process.env.PATH, ...env }, encoding: "utf8", maxBuffer: 1 << 28 })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")}: ${result.stderr}`)
  return { seconds: seconds(start), stdout: result.stdout }
}
const peakKb = (command, commandArgs, env) => {
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...commandArgs], { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" })
  if (result.status !== 0) throw new Error(result.stderr)
  return Number(result.stderr.trim().split("\n").at(-1))
}
/**
 * Waits until the CLI's detached work (the recording drain, the search index refresh that
 * backfill and record start) is over, so it never competes with the next timed step.
 */
const backgroundSettled = async () => {
  const pattern = `${cli} (process-recordings|index)`
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 50))) {
    if (spawnSync("pgrep", ["-f", pattern]).status !== 0) return
  }
}
const generate = (dir, extra) => {
  if (existsSync(join(dir, ".claude"))) return
  console.log(`generating ${dir} …`)
  execFileSync(process.execPath, [join(here, "generate-corpus.mjs"), dir, ...extra], { stdio: "inherit" })
}

// 1. Corpora: the two shapes of history, one 50 MB session, one 700 MB session.
const shapes = [
  { name: "default", sessions: option("sessions", "3100"), seed: "42" },
  { name: "tool-heavy", sessions: option("tool-heavy-sessions", "500"), seed: "43" },
].map((shape) => ({ ...shape, corpus: join(work, `corpus-${shape.name}-${shape.sessions}`) }))
for (const shape of shapes) generate(shape.corpus, ["--sessions", shape.sessions, "--seed", shape.seed, "--shape", shape.name])
const fifty = join(work, "session-50mb")
const huge = join(work, "session-700mb")
generate(fifty, ["--sessions", "0", "--huge-mb", "50", "--seed", "5"])
if (!skipHuge) generate(huge, ["--sessions", "0", "--huge-mb", "700", "--seed", "7"])

// 2. The peer tool, pinned, with its native binary.
const ccusageDir = join(work, "ccusage")
const ccusage = join(ccusageDir, "node_modules", ".bin", "ccusage")
if (!existsSync(ccusage)) {
  mkdirSync(ccusageDir, { recursive: true })
  execFileSync("npm", ["install", "--prefix", ccusageDir, "--no-save", `ccusage@${ccusageVersion}`, `@ccusage/ccusage-linux-x64@${ccusageVersion}`], { stdio: "ignore" })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Our per-UTC-day totals, read from the store's hourly usage. */
const ourDays = async (dataDir) => {
  const instance = await DuckDBInstance.create(join(dataDir, "sessions.duckdb"))
  const connection = await instance.connect()
  const rows = (await connection.runAndReadAll(`
    SELECT strftime(hour AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, sum(input_tokens)::DOUBLE AS input, sum(output_tokens)::DOUBLE AS output,
      sum(cache_write_tokens)::DOUBLE AS cacheWrite, sum(cache_read_tokens)::DOUBLE AS cacheRead
    FROM csl_projections.session_usage_hourly GROUP BY 1`)).getRowObjectsJS()
  connection.closeSync()
  instance.closeSync()
  return new Map(rows.map(({ day, ...tokens }) => [day, tokens]))
}
const sameTokens = (a, b) => a !== undefined && b !== undefined &&
  a.input === b.input && a.output === b.output && a.cacheWrite === b.cacheWrite && a.cacheRead === b.cacheRead

// 3. Per shape: ccusage and cold / warm backfill, interleaved; medians. 4. Per-UTC-day totals, exactly.
const backfillFigures = async (shape) => {
  const corpusEnv = { HOME: shape.corpus, CLAUDE_CONFIG_DIR: join(shape.corpus, ".claude"), TZ: "UTC", CLAUDE_LOGGER_USER: "bench" }
  const times = { ccusage: [], cold: [], warm: [] }
  let ccusageDaily
  let dataDir
  for (let round = 0; round < rounds; round++) {
    const peer = timed(ccusage, ["daily", "--json", "--offline"], corpusEnv)
    times.ccusage.push(peer.seconds)
    ccusageDaily = JSON.parse(peer.stdout).daily
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = mkdtempSync(join(work, "data-"))
    times.cold.push(timed(process.execPath, [cli, "backfill"], { ...corpusEnv, CLAUDE_LOGGER_HOME: dataDir }).seconds)
    await backgroundSettled()
    times.warm.push(timed(process.execPath, [cli, "backfill"], { ...corpusEnv, CLAUDE_LOGGER_HOME: dataDir }).seconds)
    await backgroundSettled()
  }
  const ours = await ourDays(dataDir)
  rmSync(dataDir, { recursive: true, force: true })
  const peerDays = new Map(ccusageDaily.map((day) => [day.period ?? day.date, {
    input: day.inputTokens, output: day.outputTokens, cacheWrite: day.cacheCreationTokens, cacheRead: day.cacheReadTokens,
  }]))
  const truth = Object.entries(JSON.parse(readFileSync(join(shape.corpus, "truth.json"), "utf8")).days)
  return {
    ...shape,
    gb: Number(execFileSync("du", ["-sb", join(shape.corpus, ".claude")], { encoding: "utf8" }).split("\t")[0]) / 1e9,
    files: Number(execFileSync("sh", ["-c", `find "$1" -name '*.jsonl' | wc -l`, "sh", join(shape.corpus, ".claude")], { encoding: "utf8" })),
    ccusage: median(times.ccusage),
    cold: median(times.cold),
    warm: median(times.warm),
    days: peerDays.size,
    differing: [...peerDays].filter(([day, tokens]) => !sameTokens(ours.get(day), tokens)).map(([day]) => day),
    truthDays: truth.length,
    truthIdentical: truth.filter(([day, tokens]) => sameTokens(ours.get(day), tokens)).length,
  }
}
const backfills = []
for (const shape of shapes) backfills.push(await backfillFigures(shape))

// 5. The record hook on a 50 MB transcript: return time, and time until `sessions` shows it.
const fiftyDir = join(fifty, ".claude", "projects", "-home-dev-code-monorepo-huge")
const fiftySession = "ffffffff-huge-4000-8000-000000000700"
const hookInput = JSON.stringify({
  session_id: fiftySession, transcript_path: join(fiftyDir, `${fiftySession}.jsonl`), cwd: "/home/dev/code/monorepo-huge",
  hook_event_name: "SessionEnd", reason: "prompt_input_exit",
})
const hookTimes = []
let visibleAfter
for (let run = 0; run < runs; run++) {
  const hookData = mkdtempSync(join(work, "hook-"))
  const env = { PATH: process.env.PATH, HOME: fifty, CLAUDE_CONFIG_DIR: join(fifty, ".claude"), CLAUDE_LOGGER_HOME: hookData, CLAUDE_LOGGER_USER: "bench" }
  const start = process.hrtime.bigint()
  await new Promise((done) => {
    const child = spawn(process.execPath, [cli, "record"], { env, stdio: ["pipe", "ignore", "ignore"] })
    child.on("exit", done)
    child.stdin.end(hookInput)
  })
  hookTimes.push(seconds(start) * 1000)
  if (run === 0) {
    for (;;) {
      const listed = spawnSync(process.execPath, [cli, "sessions", "--json"], { env, encoding: "utf8" })
      if (listed.status === 0 && JSON.parse(listed.stdout).length === 1) break
      if (seconds(start) > 30) throw new Error("the recorded session never appeared")
      await new Promise((done) => setTimeout(done, 100))
    }
    visibleAfter = seconds(start)
  }
  // Let this run's detached drain finish before the next run competes with it for the cores:
  // the figure is the hook's own return time.
  await backgroundSettled()
}
const nodeTimes = []
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint()
  await new Promise((done) => spawn(process.execPath, ["-e", "0"], { stdio: "ignore" }).on("exit", done))
  nodeTimes.push(seconds(start) * 1000)
}
hookTimes.sort((a, b) => a - b)
const p95 = hookTimes[Math.min(hookTimes.length - 1, Math.ceil(hookTimes.length * 0.95) - 1)]

// 6. Peak memory reading the 700 MB transcript.
const hugeData = skipHuge ? undefined : mkdtempSync(join(work, "huge-"))
const hugePeakKb = hugeData && peakKb(process.execPath, [cli, "backfill"], { HOME: huge, CLAUDE_CONFIG_DIR: join(huge, ".claude"), CLAUDE_LOGGER_HOME: hugeData, CLAUDE_LOGGER_USER: "bench" })
const baselinePeakKb = peakKb(process.execPath, ["-e", "0"], {})

const ratio = (a, b) => (a / b).toFixed(2)
console.log(`ccusage ${ccusageVersion}; medians of ${rounds} interleaved rounds per shape`)
for (const shape of backfills) {
  console.log(`${shape.name}: ${shape.gb.toFixed(2)} GB, ${shape.files} files (${shape.sessions} sessions, seed ${shape.seed}), ${shape.days} days`)
  console.log(`  ccusage daily --json --offline   ${shape.ccusage.toFixed(2)} s`)
  console.log(`  cold backfill                    ${shape.cold.toFixed(2)} s  = ${ratio(shape.cold, shape.ccusage)}x ccusage (target <= 1.5x)`)
  console.log(`  warm backfill                    ${shape.warm.toFixed(2)} s  = ccusage / ${ratio(shape.ccusage, shape.warm)} (target >= 5x faster)`)
  console.log(`  per-UTC-day totals vs ccusage    ${shape.days - shape.differing.length}/${shape.days} days identical (input, output, cache write, cache read)`)
  console.log(`  per-UTC-day totals vs the truth  ${shape.truthIdentical}/${shape.truthDays} days identical`)
  if (shape.differing.length > 0) console.log(`  differing days: ${shape.differing.slice(0, 5).join(", ")}`)
}
console.log(`record hook, 50 MB transcript    p95 ${p95.toFixed(0)} ms over ${runs} runs (target <= 250 ms; bare node -e 0: median ${median(nodeTimes).toFixed(0)} ms); in \`sessions\` after ${visibleAfter.toFixed(2)} s (target <= 5 s)`)
if (hugePeakKb) console.log(`peak RSS, 700 MB transcript      ${(hugePeakKb / 1024).toFixed(0)} MB (target <= 300 MB; bare node: ${(baselinePeakKb / 1024).toFixed(0)} MB)`)
