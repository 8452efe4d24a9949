// Counting check (issue 12): on a generated adversarial corpus, our per-UTC-day totals against
// `ccusage daily --json` and the generator's truth, and our per-session totals (and ended_at)
// against the generator's truth.
// Two shapes are read differently by ccusage 20.0.24, so a day holding one differs from it while
// still equal to the truth: a response without a requestId copied into another session (ccusage
// deduplicates only on message.id + requestId, so it counts the copy again), and agent_progress
// lines copied into a session that has no subagent file of its own (ccusage counts the messages
// they embed; the README's rule never counts agent_progress copies).
// Usage: node bench/counting-check.mjs [--work /tmp/csl-counting] [--sessions 120] [--seed 7]
// Needs the built CLI (npm run build). Installs ccusage into <work>/ccusage on first use.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const work = option("work", "/tmp/csl-counting")
const here = import.meta.dirname
const cli = join(here, "..", "dist", "cli.cjs")
const ccusageVersion = "20.0.24"
mkdirSync(work, { recursive: true })

const corpus = join(work, "corpus")
rmSync(corpus, { recursive: true, force: true })
execFileSync(process.execPath, [
  join(here, "generate-corpus.mjs"), corpus,
  "--sessions", option("sessions", "120"), "--seed", option("seed", "7"), "--projects", "6", "--copies", "0.3",
], { stdio: "inherit" })
const truth = JSON.parse(readFileSync(join(corpus, "truth.json"), "utf8"))

const ccusageDir = join(work, "ccusage")
const ccusage = join(ccusageDir, "node_modules", ".bin", "ccusage")
if (!existsSync(ccusage)) {
  mkdirSync(ccusageDir, { recursive: true })
  execFileSync("npm", ["install", "--prefix", ccusageDir, "--no-save", `ccusage@${ccusageVersion}`, `@ccusage/ccusage-linux-x64@${ccusageVersion}`], { stdio: "ignore" })
}

const env = {
  PATH: process.env.PATH, HOME: corpus, CLAUDE_CONFIG_DIR: join(corpus, ".claude"), TZ: "UTC",
  CLAUDE_LOGGER_HOME: mkdtempSync(join(work, "data-")), CLAUDE_LOGGER_USER: "bench",
}
const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { env, encoding: "utf8", maxBuffer: 1 << 28 })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")}: ${result.stderr}`)
  return result.stdout
}
run(process.execPath, [cli, "backfill"])

const tokens = (input, output, cacheWrite, cacheRead) => ({ input, output, cacheWrite, cacheRead })
const same = (a, b) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)

const ours = {}
for (const row of JSON.parse(run(process.execPath, [cli, "summary", "--period", "d", "--timezone", "UTC", "--since", "2000-01-01", "--json"]))) {
  const day = ours[row.period] ?? tokens(0, 0, 0, 0)
  ours[row.period] = tokens(day.input + row.input_tokens, day.output + row.output_tokens, day.cacheWrite + row.cache_write_tokens, day.cacheRead + row.cache_read_tokens)
}
const peer = Object.fromEntries(JSON.parse(run(ccusage, ["daily", "--json", "--offline"])).daily.map((day) => [
  day.period ?? day.date,
  tokens(day.inputTokens, day.outputTokens, day.cacheCreationTokens, day.cacheReadTokens),
]))
const sessions = JSON.parse(run(process.execPath, [cli, "sessions", "--limit", "100000", "--json"]))
const sessionsRight = sessions.filter((row) =>
  same({ ...tokens(row.input_tokens, row.output_tokens, row.cache_write_tokens, row.cache_read_tokens), endedAt: row.ended_at }, truth.sessions[row.session_id])
)

const days = Object.keys(truth.days)
console.log(`shapes in the corpus: ${JSON.stringify(truth.shapes)}`)
console.log(`per-UTC-day totals vs ccusage ${ccusageVersion}   ${days.filter((day) => same(ours[day], peer[day])).length}/${days.length} days identical (${Object.keys(peer).length} days in ccusage, ${Object.keys(ours).length} in ours)`)
console.log(`per-UTC-day totals vs the truth       ${days.filter((day) => same(ours[day], truth.days[day])).length}/${days.length} days identical`)
console.log(`per-session totals and ended_at vs the truth  ${sessionsRight.length}/${Object.keys(truth.sessions).length} sessions identical (${sessions.length} recorded)`)

// Five-hour blocks against `ccusage blocks --json --offline`, every non-gap block: start, end and
// tokens by component. Ours reads each response's own time from this device's response table.
const blockKey = (start, end, counts) => JSON.stringify([new Date(start).toISOString(), new Date(end).toISOString(), counts])
const ourBlocks = JSON.parse(run(process.execPath, [cli, "blocks", "--all-users", "--json"])).blocks
const peerBlocks = JSON.parse(run(ccusage, ["blocks", "--json", "--offline"])).blocks.filter((block) => !block.isGap)
const ourKeys = new Set(ourBlocks.map((block) =>
  blockKey(block.start, block.end, tokens(block.input_tokens, block.output_tokens, block.cache_write_tokens, block.cache_read_tokens))
))
const peerKeys = peerBlocks.map((block) => {
  const counts = block.tokenCounts
  return blockKey(block.startTime, block.endTime, tokens(counts.inputTokens, counts.outputTokens, counts.cacheCreationInputTokens, counts.cacheReadInputTokens))
})
const sameSpans = new Set(ourBlocks.map((block) => `${new Date(block.start).toISOString()} ${new Date(block.end).toISOString()}`))
console.log(`blocks vs ccusage ${ccusageVersion}   ${peerKeys.filter((key) => ourKeys.has(key)).length}/${peerKeys.length} non-gap blocks identical (start, end, tokens by component); ` +
  `${peerBlocks.filter((block) => sameSpans.has(`${new Date(block.startTime).toISOString()} ${new Date(block.endTime).toISOString()}`)).length}/${peerBlocks.length} with the same start and end; ${ourBlocks.length} blocks in ours`)
