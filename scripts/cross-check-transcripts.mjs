// Cross-checks the built CLI against real transcripts you have (never part of `npm test`):
//   node scripts/cross-check-transcripts.mjs <dir-of-transcripts>
// Every top-level `*.jsonl` in the dir is recorded by `backfill` in a throwaway HOME, and its
// per-model tokens are compared with an independent count written here: top-level assistant
// lines (not progress copies, not <synthetic>), one per (message.id, requestId), the line with
// the largest output. Subagent files are not read by this count, so give it main transcripts.
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join, resolve } from "node:path"

const dir = process.argv[2]
if (dir === undefined) {
  process.stderr.write("usage: node scripts/cross-check-transcripts.mjs <dir-of-transcripts>\n")
  process.exit(2)
}
const cli = resolve(import.meta.dirname, "..", "dist", "cli.cjs")
const home = mkdtempSync(join(tmpdir(), "csl-cross-check-"))
const projectDir = join(home, ".claude", "projects", "-cross-check")
mkdirSync(projectDir, { recursive: true })
const files = readdirSync(dir).filter((name) => name.endsWith(".jsonl"))
for (const name of files) copyFileSync(join(dir, name), join(projectDir, name))

const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, ".config") }
const run = (args) => {
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: "utf8" })
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`)
  return result.stdout
}
process.stdout.write(run(["backfill"]))

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0)
const independentCount = (path) => {
  const responses = new Map()
  for (const text of readFileSync(path, "utf8").split("\n")) {
    let line
    try {
      line = JSON.parse(text)
    } catch {
      continue
    }
    const message = line?.message
    if (line?.type !== "assistant" || message?.usage === undefined || message.model === "<synthetic>") continue
    const key = `${message.id}:${line.requestId ?? ""}`
    const usage = message.usage
    const previous = responses.get(key)
    if (previous === undefined || count(usage.output_tokens) >= previous.output) {
      responses.set(key, {
        model: message.model,
        input: count(usage.input_tokens),
        output: count(usage.output_tokens),
        write: count(usage.cache_creation_input_tokens),
        read: count(usage.cache_read_input_tokens),
      })
    }
  }
  const byModel = {}
  for (const response of responses.values()) {
    const total = (byModel[response.model] ??= { input: 0, output: 0, write: 0, read: 0 })
    for (const key of ["input", "output", "write", "read"]) total[key] += response[key]
  }
  return byModel
}

let differences = 0
for (const name of files) {
  const sessionId = basename(name, ".jsonl")
  const expected = independentCount(join(dir, name))
  const shown = spawnSync(process.execPath, [cli, "show-session", sessionId, "--json"], { env, encoding: "utf8" })
  const recorded = {}
  if (shown.status === 0) {
    for (const row of JSON.parse(shown.stdout).model_usage) {
      recorded[row.model] = { input: row.input_tokens, output: row.output_tokens, write: row.cache_write_tokens, read: row.cache_read_tokens }
    }
  }
  const models = new Set([...Object.keys(recorded), ...Object.keys(expected)])
  const same = [...models].every((model) => JSON.stringify(recorded[model]) === JSON.stringify(expected[model]))
  if (!same) differences++
  process.stdout.write(`${same ? "same" : "DIFFERENT"}  ${name}${same ? "" : `\n  recorded ${JSON.stringify(recorded)}\n  expected ${JSON.stringify(expected)}`}\n`)
}
process.stdout.write(`${files.length - differences}/${files.length} transcript(s) agree\n`)
process.exit(differences === 0 ? 0 : 1)
