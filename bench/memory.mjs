// Memory sync figures, measured in one run against a bare `node -e 0`:
// - `memory hook` on 1,000 random PostToolUse hook JSONs (a few of them memory files): always
//   exit 0; p95 at most 1.5x the p95 of `node -e 0`, interleaved;
// - `memory search` over 10,000 memory files (20 MB) in the local store: at most 0.3 s whole-process;
// - `memory push` of 1,000 new files: at most 2 s.
// Usage: node bench/memory.mjs [hook-runs] [search-files] [push-files]
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const hookRuns = Number(process.argv[2] ?? 1000)
const searchFiles = Number(process.argv[3] ?? 10_000)
const pushFiles = Number(process.argv[4] ?? 1000)
const cli = join(import.meta.dirname, "..", "dist", "cli.cjs")

/** A HOME with the project `shop` opened in Claude Code, so its memory dir has a project key. */
const machine = () => {
  const home = mkdtempSync(join(tmpdir(), "csl-memory-bench-"))
  const repo = join(home, "shop")
  mkdirSync(join(repo, ".git"), { recursive: true })
  const slugDir = join(home, ".claude", "projects", "-bench-shop")
  const memoryDir = join(slugDir, "memory")
  mkdirSync(memoryDir, { recursive: true })
  writeFileSync(join(slugDir, "s.jsonl"), `${JSON.stringify({ type: "user", cwd: repo })}\n`)
  return { home, repo, memoryDir, env: { PATH: process.env.PATH, HOME: home, CLAUDE_LOGGER_USER: "alice" } }
}

const timed = (args, { env, cwd, input = "" }) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { env, cwd, input, encoding: "utf8", maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr }
}
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const median = (values) => quantile(values, 0.5)

// Random hook input: noise, JSON of other tools, paths elsewhere, and one memory file in 50.
let seed = Number(process.env.PROPERTY_SEED ?? 42)
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const hookMachine = machine()
const randomInput = (n) => {
  const kind = random()
  if (n % 50 === 0) return JSON.stringify({ tool_name: "Write", tool_input: { file_path: join(hookMachine.memoryDir, `m${n}.md`) } })
  if (kind < 0.3) return Math.random().toString(36).repeat(Math.floor(random() * 20))
  if (kind < 0.6) return JSON.stringify({ tool_name: "Edit", tool_input: { file_path: join(hookMachine.repo, `src/file${n}.ts`) } })
  if (kind < 0.8) return JSON.stringify({ tool_name: "Bash", tool_input: { command: "ls" } })
  return JSON.stringify([n, { nested: { tool_input: null } }])
}
const baseline = []
const hook = []
for (let n = 0; n < hookRuns; n++) {
  if (n % 50 === 0) writeFileSync(join(hookMachine.memoryDir, `m${n}.md`), `# memory ${n}\n`)
  baseline.push(timed(["-e", "0"], hookMachine).ms)
  const result = timed([cli, "memory", "hook"], { ...hookMachine, input: randomInput(n) })
  if (result.status !== 0 || result.stdout !== "" || result.stderr !== "") throw new Error(`memory hook run ${n}: exit ${result.status} ${result.stderr}`)
  hook.push(result.ms)
}
const baseP95 = quantile(baseline, 0.95)
const hookP95 = quantile(hook, 0.95)
console.log(`memory hook, ${hookRuns} random inputs (seed ${process.env.PROPERTY_SEED ?? 42}), interleaved with node -e 0:`)
console.log(`  node -e 0   median ${median(baseline).toFixed(1)} ms  p95 ${baseP95.toFixed(1)} ms`)
console.log(`  memory hook median ${median(hook).toFixed(1)} ms  p95 ${hookP95.toFixed(1)} ms  → p95 ${(hookP95 / baseP95).toFixed(2)}x (target ≤ 1.5x), median ${(median(hook) / median(baseline)).toFixed(2)}x`)

// Push of new files.
const pusher = machine()
for (let n = 0; n < pushFiles; n++) writeFileSync(join(pusher.memoryDir, `note-${n}.md`), `# Note ${n}\n${"a line of memory about the build\n".repeat(20)}`)
timed([cli, "memory", "status"], pusher) // creates the store, so the push measures the push
const push = timed([cli, "memory", "push"], { ...pusher, cwd: pusher.repo })
if (push.status !== 0) throw new Error(`push: ${push.stderr}`)
console.log(`memory push of ${pushFiles} new files: ${(push.ms / 1000).toFixed(2)} s (target ≤ 2 s): ${push.stdout.trim()}`)

// Search over many files (about 2 KB each).
const searcher = machine()
const filler = "Claude remembers that the deploy runs on Fridays and the tests need a warm cache. ".repeat(24)
for (let n = 0; n < searchFiles; n++) writeFileSync(join(searcher.memoryDir, `topic-${n}.md`), `# Topic ${n}\n${filler}\n${n % 1000 === 0 ? "the needle is here\n" : ""}`)
const seeded = timed([cli, "memory", "push"], { ...searcher, cwd: searcher.repo })
if (seeded.status !== 0) throw new Error(`push: ${seeded.stderr}`)
const searches = []
let hits = ""
for (let n = 0; n < 7; n++) {
  const result = timed([cli, "memory", "search", "needle"], { ...searcher, cwd: searcher.repo })
  if (result.status !== 0) throw new Error(`search: ${result.stderr}`)
  hits = result.stdout
  searches.push(result.ms)
}
const searchBase = median(Array.from({ length: 7 }, () => timed(["-e", "0"], searcher).ms))
console.log(`memory search over ${searchFiles} files (${((filler.length + 20) * searchFiles / 1e6).toFixed(0)} MB; pushed in ${(seeded.ms / 1000).toFixed(2)} s): median ${(median(searches) / 1000).toFixed(3)} s whole-process (target ≤ 0.3 s; node -e 0: ${searchBase.toFixed(1)} ms), ${hits.trim().split("\n").length} matching lines`)
