// A seeded transcript corpus shaped like a heavy Claude Code user (issue 3):
// ~3,100 sessions, ~1.2 GB; file sizes median ~105 KB, p90 ~650 KB, p99 ~5.4 MB, max ~87 MB;
// streaming-split responses, subagents (nested and legacy flat), agent_progress copies,
// <synthetic> lines, responses without a requestId, a few malformed lines. Adversarial shapes,
// where two readings of the format disagree: responses copied into a later session by a fork
// (forkedFrom), an old-style resume (the origin's sessionId) or with no marker at all (the new
// sessionId), some of whose origins are then deleted; responses whose first line is written
// before midnight UTC and the final one after; trailing file-history-snapshot lines whose nested
// times are later than the session. Optionally one ~700 MB session in a project of its own.
//
// It also writes its own ground truth, computed from what it generated (never by parsing), to
// <out-dir>/truth.json: per UTC day, and per session (tokens and ended_at), by the counting
// rules the README states: each (message.id, requestId) once, with its final line's usage and
// time; a marked copy counts only when its origin's transcript is gone; among the sessions that
// count a response, it belongs to the one whose copy has the earliest time, then one whose copy
// is unmarked, then the smallest session id.
//
// `--shape tool-heavy` writes a differently shaped history (issue 12: the ratio to ccusage must
// hold on more than one shape): responses of many small content blocks, most ending in a tool
// call, large tool results (5-400 KB lines) after most of them, Write/Edit calls carrying whole
// files in their input (long assistant lines, which are parsed), and subagents in most sessions,
// several each and larger; the same counting shapes and truth as the default.
//
// Usage: node bench/generate-corpus.mjs <out-dir> [--sessions 3100] [--seed 42] [--huge-mb 700] [--projects 40] [--copies 0.1] [--shape default|tool-heavy]
// Writes <out-dir>/.claude/projects/...; never touches the real ~/.claude.
import { closeSync, mkdirSync, openSync, unlinkSync, writeFileSync, writeSync } from "node:fs"
import { join } from "node:path"

const args = process.argv.slice(2)
const outDir = args[0]
if (!outDir) throw new Error("usage: generate-corpus.mjs <out-dir> [--sessions N] [--seed S] [--huge-mb MB] [--projects N] [--copies P]")
const textOption = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : args[at + 1]
}
const option = (name, fallback) => Number(textOption(name, fallback))
const shape = textOption("shape", "default")
if (shape !== "default" && shape !== "tool-heavy") throw new Error(`--shape must be default or tool-heavy, not ${shape}`)
const toolHeavy = shape === "tool-heavy"
const sessionCount = option("sessions", 3100)
const hugeMb = option("huge-mb", 0)
// The share of sessions that start with copies of an earlier session of their project.
const copyRate = option("copies", 0.1)
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

// How many times each adversarial shape was written, so a test can tell the corpus holds them.
const shapes = { fork: 0, resume: 0, unmarked: 0, deletedOrigin: 0, acrossMidnight: 0, fileHistorySnapshot: 0, noRequestId: 0 }

const projects = Array.from({ length: option("projects", 40) }, (_, n) => `/home/dev/code/${pick(["api", "web", "infra", "data", "mobile", "docs"])}-${n}`)
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

/**
 * The ground truth: every response each session counts (main file and subagents), keyed by
 * `message.id:requestId`, with whether its line is a marked copy.
 */
const claims = new Map() // sessionId -> Map(key -> { at, copied, model, usage })
const endedAt = new Map() // sessionId -> latest top-level timestamp of its main file
const claim = (sessionId, record, copied) => {
  const held = claims.get(sessionId) ?? new Map()
  claims.set(sessionId, held)
  if (!held.has(record.key)) held.set(record.key, { ...record, copied })
}
const noteEnd = (sessionId, time) => {
  const iso = new Date(time).toISOString()
  if (!(endedAt.get(sessionId) >= iso)) endedAt.set(sessionId, iso)
}
const nextMidnight = (time) => Math.ceil((time + 1) / 86_400_000) * 86_400_000

const usage = (output) => ({
  input_tokens: int(1, 400),
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: int(5_000, 120_000),
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  output_tokens: output,
  service_tier: "standard",
})

/** A tool call; in the tool-heavy shape a quarter of them write a whole file (a long assistant line). */
const toolUse = () => {
  const id = `toolu_${hex(20)}`
  if (toolHeavy && random() < 0.25) {
    const name = pick(["Write", "Edit"])
    const body = filler(int(1_000, 40_000))
    const input = name === "Write" ? { file_path: `/home/dev/src/${hex(6)}.ts`, content: body } : { file_path: `/home/dev/src/${hex(6)}.ts`, old_string: body.slice(0, 200), new_string: body }
    return { type: "tool_use", id, name, input }
  }
  return { type: "tool_use", id, name: pick(["Bash", "Read", "Edit", "Grep", "Skill"]), input: { command: "ls" } }
}

/** One API response as Claude Code writes it: a line per content block, sharing id, requestId and
 * input/cache usage, with output_tokens growing to its final value on the last line, each line a
 * little later than the one before. Returns its lines, the time of the last, and what counts. */
const response = (session, time, extra = {}) => {
  const id = `msg_${hex(24)}`
  // Old Claude Code wrote no requestId; those responses are one line each.
  const requestId = random() < 0.02 ? undefined : `req_${hex(24)}`
  // Client-written "<synthetic>" messages (no API call) are one line with all-zero usage.
  const synthetic = random() < 0.01
  const name = synthetic ? "<synthetic>" : session.model ?? model()
  const blocks = synthetic || requestId === undefined ? 1 : toolHeavy ? int(2, 8) : int(1, 4)
  const finalOutput = int(20, 3000)
  const write = random() < 0.3 ? int(500, 30_000) : 0
  const write1h = random() < 0.5 ? write : 0
  const base = synthetic ? { ...usage(0), input_tokens: 0, cache_read_input_tokens: 0 } : usage(0)
  base.cache_creation_input_tokens = synthetic ? 0 : write
  base.cache_creation = synthetic ? { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } : { ephemeral_5m_input_tokens: write - write1h, ephemeral_1h_input_tokens: write1h }
  const lines = []
  let at = time
  for (let block = 0; block < blocks; block++) {
    if (block > 0) at += int(50, 1500)
    const output = synthetic ? 0 : block === blocks - 1 ? finalOutput : Math.floor((finalOutput * (block + 1)) / blocks / 3)
    const last = block === blocks - 1
    const content = last && random() < (toolHeavy ? 0.9 : 0.6)
      ? [toolUse()]
      : [{ type: block === 0 ? "thinking" : "text", text: toolHeavy ? filler(int(10, 150)) : filler(int(50, 600)) }]
    lines.push(JSON.stringify({
      ...envelope(session, at),
      message: { model: name, id, type: "message", role: "assistant", content, stop_reason: null, usage: { ...base, output_tokens: output } },
      requestId, type: "assistant", uuid: uuid(), timestamp: new Date(at).toISOString(), ...extra,
    }))
  }
  if (requestId === undefined) shapes.noRequestId++
  if (new Date(time).toISOString().slice(0, 10) !== new Date(at).toISOString().slice(0, 10)) shapes.acrossMidnight++
  const counted = synthetic ? undefined : {
    key: `${id}:${requestId ?? ""}`,
    model: name,
    at: new Date(at).toISOString(),
    usage: { input: base.input_tokens, output: finalOutput, cacheWrite: write, cacheRead: base.cache_read_input_tokens },
  }
  return { lines, end: at, counted }
}

const userLine = (session, time, text) =>
  JSON.stringify({ ...envelope(session, time), type: "user", message: { role: "user", content: text }, uuid: uuid(), timestamp: new Date(time).toISOString() })
let toolResults = 0
/**
 * A tool's result. Every seventh carries a structured `toolUseResult` (as an MCP tool's can) that
 * holds a `timestamp` key of its own, days later, after the line's: only the line's counts. (A
 * counter, not the random stream, picks them, so every other line stays as it was.)
 */
const toolResult = (session, time, bytes) =>
  JSON.stringify({
    ...envelope(session, time), type: "user",
    message: { role: "user", content: [{ tool_use_id: `toolu_${hex(20)}`, type: "tool_result", content: filler(bytes) }] },
    uuid: uuid(), timestamp: new Date(time).toISOString(),
    ...(++toolResults % 7 === 0 ? { toolUseResult: { structuredContent: { timestamp: new Date(time + 3 * 86_400_000).toISOString(), status: "ok" } } } : {}),
  })
const progress = (session, time, copied) =>
  JSON.stringify({
    ...envelope(session, time), type: "progress",
    data: copied ? { message: JSON.parse(copied), type: "agent_progress", prompt: "survey", agentId: hex(7) } : { type: "hook_progress", hookEvent: "PostToolUse" },
    toolUseID: `toolu_${hex(20)}`, parentToolUseID: `toolu_${hex(20)}`, uuid: uuid(), timestamp: new Date(time).toISOString(),
  })

/**
 * Writes turns until the file reaches `targetBytes`, noting what it counts for `holder` (the
 * session whose spend it is); returns the first turns (for forks to copy), whole responses only.
 */
const writeConversation = (writer, session, targetBytes, keep, holder, inMain, subagentLines = []) => {
  let nextCopy = 0
  let time = session.startMs
  const kept = []
  const emit = (line, time, counted) => {
    writer.line(line)
    if (inMain) noteEnd(holder, time)
    if (keep && kept.length < 60) kept.push({ line, counted })
  }
  emit(userLine(session, time, `${pick(["Fix", "Add", "Refactor", "Investigate", "Document"])} the ${pick(["login", "cart", "parser", "deploy", "cache"])} ${pick(["bug", "flow", "tests", "module"])} ${hex(4)}`), time)
  while (writer.bytes < targetBytes) {
    time += int(2_000, 90_000)
    // Now and then a response starts just before midnight UTC and ends after it.
    if (random() < 0.01) time = nextMidnight(time) - int(50, 900)
    const reply = response(session, time)
    if (reply.counted !== undefined) claim(holder, reply.counted, false)
    const group = keep && kept.length < 60
    for (const line of reply.lines) {
      writer.line(line)
      if (group) kept.push({ line, counted: reply.counted })
    }
    if (inMain) noteEnd(holder, reply.end)
    time = reply.end
    const roll = random()
    if (toolHeavy && roll < 0.85) emit(toolResult(session, time + 500, random() < 0.15 ? int(60_000, 400_000) : int(5_000, 60_000)), time + 500)
    else if (roll < 0.5) emit(toolResult(session, time + 500, int(200, Math.min(60_000, Math.max(400, targetBytes / 20)))), time + 500)
    else if (roll < 0.6 && nextCopy < subagentLines.length) emit(progress(session, time + 200, subagentLines[nextCopy++]), time + 200)
    else if (roll < 0.7) emit(progress(session, time + 200, null), time + 200)
    else if (roll < 0.75) emit(userLine(session, time + 1000, `Now ${pick(["add tests", "clean up", "ship it"])}`), time + 1000)
    if (random() < 0.0005) writer.line(`{"type":"assistant","message":{"truncated`)
  }
  // Claude Code streams a progress copy of every subagent message into the parent.
  while (nextCopy < subagentLines.length) emit(progress(session, time, subagentLines[nextCopy++]), time)
  if (random() < 0.4) writer.line(JSON.stringify({ type: "summary", summary: `Work on ${hex(6)}`, leafUuid: uuid() }))
  // A file-history snapshot has no top-level time; the times nested in it are not the session's.
  if (inMain && random() < 0.3) {
    const later = new Date(time + int(60_000, 3_600_000)).toISOString()
    const messageId = uuid()
    shapes.fileHistorySnapshot++
    writer.line(JSON.stringify({
      type: "file-history-snapshot", messageId,
      snapshot: { messageId, trackedFileBackups: { "src/app.ts": { backupFileName: `${hex(16)}@v2`, version: 2, backupTime: later } }, timestamp: later },
      isSnapshotUpdate: true,
    }))
  }
  session.endMs = time
  return kept
}

const projectsDir = join(outDir, ".claude", "projects")
let totalBytes = 0
let files = 0
const written = []
const sessionsWritten = []
const markedCopies = []
for (let index = 0; index < sessionCount; index++) {
  const cwd = pick(projects)
  const dir = join(projectsDir, slug(cwd))
  mkdirSync(dir, { recursive: true })
  const session = {
    id: uuid(), cwd, branch: pick(["main", "dev", `feature/${hex(4)}`]), version: pick(["2.1.38", "2.1.39", "2.1.40"]),
    startMs: start + Math.floor(random() * span), model: random() < 0.7 ? model() : undefined,
  }
  // Subagents first, in memory: the parent's progress lines embed copies of their assistant lines.
  const subagents = random() < (toolHeavy ? 0.65 : 0.2)
    ? Array.from({ length: toolHeavy ? int(2, 6) : int(1, 3) }, () => {
      const sub = new MemoryWriter()
      const subSession = { ...session, model: "claude-haiku-4-5-20251001", startMs: session.startMs + int(10_000, 600_000) }
      writeConversation(sub, subSession, toolHeavy ? int(50_000, 1_000_000) : int(5_000, 200_000), false, session.id, false)
      return sub.lines
    })
    : []
  const copies = subagents.flat().filter((line) => line.startsWith('{"parentUuid"') && line.includes('"type":"assistant"'))

  const path = join(dir, `${session.id}.jsonl`)
  const writer = new Writer(path)
  const earlier = written.filter((other) => other.cwd === cwd && other.kept.length > 0)
  const origin = earlier.length > 0 && random() < copyRate ? pick(earlier) : undefined
  if (origin !== undefined) {
    // A fork (newer Claude Code marks copies with forkedFrom), an old-style resume (copies keep the
    // original sessionId), or a copy with no marker at all (the new sessionId, no forkedFrom).
    const style = pick(["fork", "fork", "resume", "unmarked"])
    shapes[style]++
    for (const { line, counted } of origin.kept) {
      const parsed = JSON.parse(line)
      if (style !== "resume") parsed.sessionId = session.id
      if (style === "fork") parsed.forkedFrom = { sessionId: origin.id, messageUuid: parsed.uuid }
      writer.line(JSON.stringify(parsed))
      if (parsed.timestamp !== undefined) noteEnd(session.id, Date.parse(parsed.timestamp))
      if (counted === undefined) continue
      if (style === "unmarked") claim(session.id, counted, false)
      else markedCopies.push({ holder: session.id, origin: origin.id, counted })
    }
    // Claude Code deletes old transcripts: then a marked copy is the only place left to count it.
    if (!origin.hasSubagents && !origin.deleted && random() < 0.3) {
      origin.deleted = true
      shapes.deletedOrigin++
    }
    session.startMs = Math.max(session.startMs, origin.endMs + 60_000)
  }
  const kept = writeConversation(writer, session, sizes[index], true, session.id, true, copies)
  writer.close()
  totalBytes += writer.bytes
  files++
  const entry = { id: session.id, cwd, kept, endMs: session.endMs, path, hasSubagents: subagents.length > 0, deleted: false }
  written.push(entry)
  sessionsWritten.push(entry)
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
  writeConversation(writer, session, hugeMb * 1e6, false, session.id, true)
  sessionsWritten.push({ id: session.id, deleted: false })
  writer.close()
  totalBytes += writer.bytes
  files++
  console.log(`huge session ${session.id}: ${(writer.bytes / 1e6).toFixed(0)} MB`)
}
const deleted = new Set(sessionsWritten.filter((entry) => entry.deleted).map((entry) => entry.id))
for (const entry of sessionsWritten) if (entry.deleted) unlinkSync(entry.path)
for (const copy of markedCopies) if (deleted.has(copy.origin)) claim(copy.holder, copy.counted, true)

// Each response once: the holder whose copy is earliest, then unmarked, then the smallest session id.
const owners = new Map()
const before = (a, b) =>
  a.at !== b.at ? a.at < b.at : a.copied !== b.copied ? !a.copied : a.sessionId < b.sessionId
for (const [sessionId, held] of claims) {
  if (deleted.has(sessionId)) continue
  for (const record of held.values()) {
    const candidate = { ...record, sessionId }
    const best = owners.get(record.key)
    if (best === undefined || before(candidate, best)) owners.set(record.key, candidate)
  }
}
const tokenFields = ["input", "output", "cacheWrite", "cacheRead"]
const zero = () => Object.fromEntries(tokenFields.map((field) => [field, 0]))
const add = (total, usage) => {
  for (const field of tokenFields) total[field] += usage[field]
}
const truthSessions = Object.fromEntries(sessionsWritten.filter((entry) => !entry.deleted).map((entry) => [entry.id, { ...zero(), endedAt: endedAt.get(entry.id) ?? null }]))
const truthDays = {}
for (const owner of owners.values()) {
  add(truthSessions[owner.sessionId], owner.usage)
  add((truthDays[owner.at.slice(0, 10)] ??= zero()), owner.usage)
}
writeFileSync(join(outDir, "truth.json"), JSON.stringify({ shapes, days: truthDays, sessions: truthSessions }, null, 1))
console.log(`${sessionCount} sessions, ${files} files, ${(totalBytes / 1e9).toFixed(2)} GB in ${projectsDir}`)
