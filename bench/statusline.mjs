// Issue 12: `statusline`, which Claude Code runs after every message, against a bare `node -e 0`
// in the same interleaved run, on a store of 100k sessions (target: p95 at most 1.3x): the
// command `setup --statusline` installs (node dist/statusline.cjs), and `claude-session-logger
// statusline` through the launcher. Then 1,000 random or truncated stdin inputs through the
// installed command (each must exit 0 with exactly one line).
// Usage: node bench/statusline.mjs [--work /tmp/csl-bench] [--runs 200] [--fuzz 1000] [--seed N]
// Needs the built CLI (npm run build).
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const work = option("work", "/tmp/csl-bench")
const runs = Number(option("runs", 200))
const fuzzRuns = Number(option("fuzz", 1000))
const seed = Number(option("seed", Math.floor(Math.random() * 2 ** 31)))
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")
const installed = join(import.meta.dirname, "..", "dist", "statusline.cjs")
mkdirSync(work, { recursive: true })
const home = mkdtempSync(join(work, "statusline-100k-"))
const env = { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: "bench" }

// The store: 100k sessions going back from now, 7 minutes apart, written as events with SQL and
// folded by `rebuild` (which also writes the snapshot the status line reads).
execFileSync(process.execPath, [cli, "init"], { env })
{
  const instance = await DuckDBInstance.create(join(home, ".claude", "claude-session-logger", "sessions.duckdb"))
  const connection = await instance.connect()
  const at = (minutes) => `strftime(now()::TIMESTAMP - to_minutes(${minutes}), '%Y-%m-%dT%H:%M:%S.000Z')`
  await connection.run(`
    INSERT INTO events (id, type, version, entity_id, device_id, actor, recorded_at, payload)
    SELECT '01KB' || lpad(upper(to_hex(n)), 22, '0'), 'SessionRecorded', 1, 'session-' || n, 'bench', 'bench', now(),
      json_object('sessionId', 'session-' || n, 'project', 'project-' || (n % 40), 'cwd', '/home/dev/code/project-' || (n % 40),
        'startedAt', ${at("n * 7 + 30")}, 'endedAt', ${at("n * 7")},
        'durationMin', 30, 'messageCount', 12, 'toolCallCount', 4, 'skillsUsed', json_array(), 'gitBranch', 'main', 'ccVersion', '2.1.40',
        'title', 'Session number ' || n, 'sessionType', 'general',
        'models', json_array(json_object('model', 'claude-opus-4-6', 'inputTokens', 1000, 'outputTokens', 200, 'cacheWrite5mTokens', 0,
          'cacheWrite1hTokens', 0, 'cacheReadTokens', 5000, 'costUsd', 0.01)),
        'hourlyUsage', json_array(json_object('hour', strftime(now()::TIMESTAMP - to_minutes(n * 7 + 30), '%Y-%m-%dT%H'), 'model', 'claude-opus-4-6',
          'inputTokens', 1000, 'outputTokens', 200, 'cacheWrite5mTokens', 0, 'cacheWrite1hTokens', 0, 'cacheReadTokens', 5000, 'costUsd', 0.01)),
        'ccCostUsd', NULL, 'transcriptPath', NULL)
    FROM range(1, 100001) t(n)`)
  connection.closeSync()
  instance.closeSync()
}
execFileSync(process.execPath, [cli, "rebuild"], { env })
const snapshot = JSON.parse(readFileSync(join(home, ".claude", "claude-session-logger", "snapshot.json"), "utf8"))
console.log(`store: 100k sessions; snapshot ${JSON.stringify(snapshot).length} bytes, ${snapshot.usage?.hourlyCost.length ?? 0} hours of cost`)

const realistic = JSON.stringify({
  session_id: "0d6f7c1e-0000-4000-8000-000000000001", transcript_path: join(home, "t.jsonl"), cwd: "/home/dev/code/project-1",
  model: { id: "claude-opus-4-6", display_name: "Opus 4.6" }, workspace: { current_dir: "/home/dev/code/project-1", project_dir: "/home/dev/code/project-1" },
  version: "2.1.90", output_style: { name: "default" }, cost: { total_cost_usd: 1.234, total_duration_ms: 600000, total_api_duration_ms: 90000 },
  rate_limits: { five_hour: { used_percentage: 37, resets_at: Math.floor(Date.now() / 1000) + 7200 }, seven_day: { used_percentage: 12, resets_at: Math.floor(Date.now() / 1000) + 86400 * 3 } },
})
const run = (command, input) => spawnSync(process.execPath, command, { env, input, encoding: "utf8" })
const time = (command, input) => {
  const start = process.hrtime.bigint()
  const result = run(command, input)
  if (result.status !== 0) throw new Error(`${command.join(" ")}: ${result.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e6
}
console.log(`line: ${run([installed], realistic).stdout.trim()}`)
const commands = { "node -e 0": ["-e", "0"], "statusline.cjs (installed)": [installed], "cli.cjs statusline": [cli, "statusline"] }
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
for (let n = 0; n < runs; n++) for (const [name, command] of Object.entries(commands)) times[name].push(time(command, realistic))
const p = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const bare = times["node -e 0"]
for (const [name, values] of Object.entries(times)) {
  console.log(`${name.padEnd(28)} p50 ${p(values, 0.5).toFixed(1)} ms  p95 ${p(values, 0.95).toFixed(1)} ms  (${(p(values, 0.95) / p(bare, 0.95)).toFixed(2)}x at p95, ${(p(values, 0.5) / p(bare, 0.5)).toFixed(2)}x at p50)`)
}

// Random or truncated inputs: every one exits 0 with exactly one line.
let state = seed >>> 0
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let mixed = Math.imul(state ^ (state >>> 15), state | 1)
  mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
  return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
}
const garbage = () => Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256))).toString("latin1")
let bad = 0
for (let n = 0; n < fuzzRuns; n++) {
  const input = random() < 0.5 ? realistic.slice(0, Math.floor(random() * realistic.length)) : garbage()
  const result = run([installed], input)
  if (result.status !== 0 || result.stdout.split("\n").length !== 2 || result.stderr !== "") bad++
}
console.log(`fuzz (seed ${seed}): ${fuzzRuns - bad}/${fuzzRuns} inputs exited 0 with one line`)
