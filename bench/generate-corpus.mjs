// A seeded transcript corpus shaped like a heavy Claude Code user (issue 3):
// ~3,100 sessions, ~1.2 GB; file sizes median ~105 KB, p90 ~650 KB, p99 ~5.4 MB, max ~87 MB;
// streaming-split responses, subagents (nested and legacy flat), forks (forkedFrom) and
// old-style resume copies, agent_progress copies, <synthetic> lines, a few malformed lines.
// Optionally one ~700 MB session in a project of its own.
//
// Usage: node bench/generate-corpus.mjs <out-dir> [--sessions 3100] [--seed 42] [--huge-mb 700]
// Writes <out-dir>/.claude/projects/...; never touches the real ~/.claude.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs"
import { join } from "node:path"

const args = process.argv.slice(2)
const outDir = args[0]
if (!outDir) throw new Error("usage: generate-corpus.mjs <out-dir> [--sessions N] [--seed S] [--huge-mb MB]")
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(args[at + 1])
}
const sessionCount = option("sessions", 3100)
const hugeMb = option("huge-mb", 0)
let seed = option("seed", 42) >>> 0

// mulberry32: small, fast, seeded.
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (items) => items[Math.floor(random() * items.length)]
const int = (min, max) => min + Math.floor(random() * (max - min + 1))
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
const hex = (n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("")
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`

const models = [["claude-opus-4-6", 0.6], ["claude-sonnet-4-5-20250929", 0.25], ["claude-haiku-4-5-20251001", 0.15]]
const model = () => {
  let r = random()
  for (const [name, weight] of models) if ((r -= weight) < 0) return name
  return models[0][0]
}

const projects = Array.from({ length: 40 }, (_, n) => `/home/dev/code/${pick(["api", "web", "infra", "data", "mobile", "docs"])}-${n}`)
const slug = (cwd) => cwd.replace(/[^A-Za-z0-9]/g, "-")
// Tool output and prose: slices of one seeded block of code-like text (JSON-escaped newlines).
const fillerBlock = (() => {
  const words = ["const", "value", "return", "function", "import", "export", "await", "error", "result", "config"]
  const parts = []
  for (let length = 0; length < 300_000;) {
    const part = `${pick(words)} ${hex(6)}\n`
    parts.push(part)
    length += part.length
  }
  return parts.join("")
})()
const filler = (bytes) => {
  const size = Math.min(bytes, fillerBlock.length)
  const from = Math.floor(random() * (fillerBlock.length - size))
  return fillerBlock.slice(from, from + size)
}

// Lognormal sizes around the target percentiles; the tail is set explicitly below.
const mu = Math.log(105_000)
const sigma = 1.42
const sizes = Array.from({ length: sessionCount }, () => Math.min(4_000_000, Math.max(4_000, Math.exp(mu + sigma * gaussian()))))
sizes.sort((a, b) => a - b)
const tail = [87e6, 40e6, 22e6, 15e6, 11e6, 9e6, 8e6, 7e6, 6.5e6, 6e6, 5.8e6, 5.6e6, 5.5e6, 5.4e6, 5.4e6, 5.3e6, 5.2e6, 5.1e6, 5e6, 5e6, 4.8e6, 4.6e6, 4.5e6, 4.4e6, 4.3e6, 4.2e6, 4.1e6, 4e6, 4e6, 4e6, 3.9e6]
// The heavy tail only belongs in a full-size corpus.
if (sessionCount >= 1000) tail.forEach((size, index) => (sizes[sizes.length - 1 - index] = size))
for (let index = sizes.length - 1; index > 0; index--) {
  const other = Math.floor(random() * (index + 1))
  ;[sizes[index], sizes[other]] = [sizes[other], sizes[index]]
}

const start = Date.parse("2026-08-01T00:00:00Z")
const span = Date.parse("2026-11-20T00:00:00Z") - start

/** Collects lines in memory: subagent transcripts are written after their parent embeds copies. */
class MemoryWriter {
  constructor() {
    this.lines = []
    this.bytes = 0
  }
  line(text) {
    this.lines.push(text)
    this.bytes += Buffer.byteLength(text) + 1
  }
}

class Writer {
  constructor(path) {
    this.fd = openSync(path, "w")
    this.bytes = 0
    this.pending = []
    this.pendingBytes = 0
  }
  line(text) {
    this.pending.push(text, "\n")
    this.pendingBytes += text.length + 1
    this.bytes += Buffer.byteLength(text) + 1
    if (this.pendingBytes > 1 << 20) this.flush()
  }
  flush() {
    if (this.pending.length > 0) writeSync(this.fd, this.pending.join(""))
    this.pending = []
    this.pendingBytes = 0
  }
  close() {
    this.flush()
    closeSync(this.fd)
  }
}

const envelope = (session, time) => ({
  parentUuid: null, isSidechain: false, userType: "external", cwd: session.cwd, sessionId: session.lineSessionId ?? session.id,
  version: session.version, gitBranch: session.branch,
})

const usage = (output) => ({
  input_tokens: int(1, 400),
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: int(5_000, 120_000),
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  output_tokens: output,
  service_tier: "standard",
})

/** One API response as Claude Code writes it: a line per content block, sharing id, requestId and
 * input/cache usage, with output_tokens growing to its final value on the last line. */
const response = (session, time, extra = {}) => {
  const id = `msg_${hex(24)}`
  const requestId = `req_${hex(24)}`
  // Client-written "<synthetic>" messages (no API call) are one line with all-zero usage.
  const synthetic = random() < 0.01
  const name = synthetic ? "<synthetic>" : session.model ?? model()
  const blocks = synthetic ? 1 : int(1, 4)
  const finalOutput = int(20, 3000)
  const write = random() < 0.3 ? int(500, 30_000) : 0
  const write1h = random() < 0.5 ? write : 0
  const base = synthetic ? { ...usage(0), input_tokens: 0, cache_read_input_tokens: 0 } : usage(0)
  base.cache_creation_input_tokens = synthetic ? 0 : write
  base.cache_creation = synthetic ? { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } : { ephemeral_5m_input_tokens: write - write1h, ephemeral_1h_input_tokens: write1h }
  const lines = []
  for (let block = 0; block < blocks; block++) {
    const output = synthetic ? 0 : block === blocks - 1 ? finalOutput : Math.floor((finalOutput * (block + 1)) / blocks / 3)
    const last = block === blocks - 1
    const content = last && random() < 0.6
      ? [{ type: "tool_use", id: `toolu_${hex(20)}`, name: pick(["Bash", "Read", "Edit", "Grep", "Skill"]), input: { command: "ls" } }]
      : [{ type: block === 0 ? "thinking" : "text", text: filler(int(50, 600)) }]
    lines.push(JSON.stringify({
      ...envelope(session, time),
      message: { model: name, id, type: "message", role: "assistant", content, stop_reason: null, usage: { ...base, output_tokens: output } },
      requestId, type: "assistant", uuid: uuid(), timestamp: new Date(time).toISOString(), ...extra,
    }))
  }
  return lines
}

const userLine = (session, time, text) =>
  JSON.stringify({ ...envelope(session, time), type: "user", message: { role: "user", content: text }, uuid: uuid(), timestamp: new Date(time).toISOString() })
const toolResult = (session, time, bytes) =>
  JSON.stringify({
    ...envelope(session, time), type: "user",
    message: { role: "user", content: [{ tool_use_id: `toolu_${hex(20)}`, type: "tool_result", content: filler(bytes) }] },
    uuid: uuid(), timestamp: new Date(time).toISOString(),
  })
const progress = (session, time, copied) =>
  JSON.stringify({
    ...envelope(session, time), type: "progress",
    data: copied ? { message: JSON.parse(copied), type: "agent_progress", prompt: "survey", agentId: hex(7) } : { type: "hook_progress", hookEvent: "PostToolUse" },
    toolUseID: `toolu_${hex(20)}`, parentToolUseID: `toolu_${hex(20)}`, uuid: uuid(), timestamp: new Date(time).toISOString(),
  })

/** Writes turns until the file reaches `targetBytes`; returns the lines written (for forks to copy). */
const writeConversation = (writer, session, targetBytes, keep, subagentLines = []) => {
  let nextCopy = 0
  let time = session.startMs
  const kept = []
  const emit = (line) => {
    writer.line(line)
    if (keep && kept.length < 60) kept.push(line)
  }
  emit(userLine(session, time, `${pick(["Fix", "Add", "Refactor", "Investigate", "Document"])} the ${pick(["login", "cart", "parser", "deploy", "cache"])} ${pick(["bug", "flow", "tests", "module"])} ${hex(4)}`))
  while (writer.bytes < targetBytes) {
    time += int(2_000, 90_000)
    for (const line of response(session, time)) emit(line)
    const roll = random()
    if (roll < 0.5) emit(toolResult(session, time + 500, int(200, Math.min(60_000, Math.max(400, targetBytes / 20)))))
    else if (roll < 0.6 && nextCopy < subagentLines.length) emit(progress(session, time + 200, subagentLines[nextCopy++]))
    else if (roll < 0.7) emit(progress(session, time + 200, null))
    else if (roll < 0.75) emit(userLine(session, time + 1000, `Now ${pick(["add tests", "clean up", "ship it"])}`))
    if (random() < 0.0005) emit(`{"type":"assistant","message":{"truncated`)
  }
  // Claude Code streams a progress copy of every subagent message into the parent.
  while (nextCopy < subagentLines.length) emit(progress(session, time, subagentLines[nextCopy++]))
  if (random() < 0.4) emit(JSON.stringify({ type: "summary", summary: `Work on ${hex(6)}`, leafUuid: uuid() }))
  session.endMs = time
  return kept
}

const projectsDir = join(outDir, ".claude", "projects")
let totalBytes = 0
let files = 0
const written = []
for (let index = 0; index < sessionCount; index++) {
  const cwd = pick(projects)
  const dir = join(projectsDir, slug(cwd))
  mkdirSync(dir, { recursive: true })
  const session = {
    id: uuid(), cwd, branch: pick(["main", "dev", `feature/${hex(4)}`]), version: pick(["2.1.38", "2.1.39", "2.1.40"]),
    startMs: start + Math.floor(random() * span), model: random() < 0.7 ? model() : undefined,
  }
  // Subagents first, in memory: the parent's progress lines embed copies of their assistant lines.
  const subagents = random() < 0.2
    ? Array.from({ length: int(1, 3) }, () => {
      const sub = new MemoryWriter()
      const subSession = { ...session, model: "claude-haiku-4-5-20251001", startMs: session.startMs + int(10_000, 600_000) }
      writeConversation(sub, subSession, int(5_000, 200_000), false)
      return sub.lines
    })
    : []
  const copies = subagents.flat().filter((line) => line.startsWith('{"parentUuid"') && line.includes('"type":"assistant"'))

  const writer = new Writer(join(dir, `${session.id}.jsonl`))
  const origin = written.length > 0 && random() < 0.05 ? pick(written) : undefined
  if (origin !== undefined && origin.cwd === cwd && origin.kept.length > 0) {
    // A fork (newer Claude Code marks copies) or an old-style resume (copies keep the original sessionId).
    const asFork = random() < 0.6
    for (const line of origin.kept) {
      const parsed = JSON.parse(line)
      if (asFork) {
        parsed.sessionId = session.id
        parsed.forkedFrom = { sessionId: origin.id, messageUuid: parsed.uuid }
      }
      writer.line(JSON.stringify(parsed))
    }
    session.startMs = Math.max(session.startMs, origin.endMs + 60_000)
  }
  const kept = writeConversation(writer, session, sizes[index], true, copies)
  writer.close()
  totalBytes += writer.bytes
  files++
  written.push({ id: session.id, cwd, kept, endMs: session.endMs })
  if (written.length > 200) written.shift()

  const legacy = random() < 0.25
  for (const lines of subagents) {
    const path = legacy ? join(dir, `agent-${hex(8)}.jsonl`) : join(dir, session.id, "subagents", `agent-a${hex(7)}.jsonl`)
    mkdirSync(join(path, ".."), { recursive: true })
    const sub = new Writer(path)
    for (const line of lines) sub.line(line)
    sub.close()
    totalBytes += sub.bytes
    files++
  }
}

if (hugeMb > 0) {
  const cwd = "/home/dev/code/monorepo-huge"
  const dir = join(projectsDir, slug(cwd))
  mkdirSync(dir, { recursive: true })
  const session = { id: "ffffffff-huge-4000-8000-000000000700", cwd, branch: "main", version: "2.1.40", startMs: start, model: undefined }
  const writer = new Writer(join(dir, `${session.id}.jsonl`))
  writeConversation(writer, session, hugeMb * 1e6, false)
  writer.close()
  totalBytes += writer.bytes
  files++
  console.log(`huge session ${session.id}: ${(writer.bytes / 1e6).toFixed(0)} MB`)
}
console.log(`${sessionCount} sessions, ${files} files, ${(totalBytes / 1e9).toFixed(2)} GB in ${projectsDir}`)
