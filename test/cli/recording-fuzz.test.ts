import { execFileSync, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliPath, parseJson, runCli, userEnv } from "../support/cli.js"
import { eventually } from "../support/eventually.js"

/**
 * Acceptance for recording hardening: 2,000 small transcripts with random damage to usage values,
 * line structure and encodings, plus a FIFO and a binary file, recorded through backfill and
 * through the hook queue. The expected numbers come from the generator's own model of what it
 * wrote and damaged, never from the parser.
 */
const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** mulberry32: a small seeded generator, so a failing run replays exactly. */
const random = (() => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
})()
const below = (n: number) => Math.floor(random() * n)
const pick = <A>(items: ReadonlyArray<A>): A => items[below(items.length)] as A
const chance = (p: number) => random() < p

const prices = {
  "claude-opus-4-6": { input: 5, output: 25, write5m: 6.25, write1h: 10, read: 0.5 },
  "claude-haiku-4-5-20251001": { input: 1, output: 5, write5m: 1.25, write1h: 2, read: 0.1 },
} as const
type Model = keyof typeof prices
const models = Object.keys(prices) as ReadonlyArray<Model>

interface Tokens {
  input: number
  output: number
  write5m: number
  write1h: number
  read: number
}
interface Expected {
  readonly recorded: boolean
  readonly byModel: ReadonlyMap<Model, Tokens>
}

const oddValues: ReadonlyArray<unknown> = [1.5, 1e20, 1e308, 2 ** 53, -7, "42", true, 0.0001]
const usageKeys = { input: "input_tokens", output: "output_tokens", read: "cache_read_input_tokens", write: "cache_creation_input_tokens" } as const

/** How a line may be damaged; `lost` means no reader can count anything from it. */
const damages: ReadonlyArray<{ readonly name: string; readonly apply: (line: Buffer) => Buffer; readonly lost: boolean }> = [
  { name: "truncated", apply: (line) => line.subarray(0, 1 + below(line.length - 2)), lost: true },
  { name: "invalid UTF-8", apply: (line) => Buffer.concat([line.subarray(0, 30), Buffer.from([0xff, 0xfe]), line.subarray(30)]), lost: true },
  { name: "UTF-16", apply: (line) => Buffer.from(line.toString("utf8").replaceAll("\n", " "), "utf16le").filter((byte) => byte !== 0x0a) as Buffer, lost: true },
  // A byte-order mark, as an editor saving "UTF-8 with BOM" writes: a UTF-8 reader reads through it.
  { name: "BOM", apply: (line) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), line]), lost: false },
  { name: "leading garbage", apply: (line) => Buffer.concat([Buffer.from("\u0000\u0001garbage"), line]), lost: true },
  { name: "CRLF", apply: (line) => Buffer.concat([line, Buffer.from("\r")]), lost: false },
]

const timestamp = (session: number, index: number) => new Date(Date.UTC(2026, 0, 1) + session * 3_600_000 + index * 60_000).toISOString()

/** One transcript: its bytes and what an independent count of it must give. */
const generateSession = (session: number, sessionId: string): { readonly bytes: Buffer; readonly expected: Expected } => {
  const envelope = { parentUuid: null, isSidechain: false, userType: "external", cwd: `/home/dev/projects/p${session % 7}`, sessionId, version: "2.1.39", gitBranch: "main" }
  const lines: Array<Buffer> = []
  const byModel = new Map<Model, Tokens>()
  let intact = 0
  const add = (json: object, onIntact: () => void) => {
    let line: Buffer = Buffer.from(JSON.stringify(json))
    const damage = chance(0.12) ? pick(damages) : undefined
    if (damage !== undefined) line = damage.apply(line)
    if (damage === undefined || !damage.lost) {
      intact++
      onIntact()
    }
    lines.push(line)
  }
  if (chance(0.9)) add({ ...envelope, type: "user", message: { role: "user", content: `task ${session} café` }, uuid: `u-${session}`, timestamp: timestamp(session, 0) }, () => undefined)
  const responses = 1 + below(4)
  for (let index = 0; index < responses; index++) {
    const model = pick(models)
    const tokens: Tokens = { input: below(5000), output: below(3000), write5m: below(2000), write1h: below(2000), read: below(90000) }
    const usage: Record<string, unknown> = {
      input_tokens: tokens.input,
      cache_creation_input_tokens: tokens.write5m + tokens.write1h,
      cache_read_input_tokens: tokens.read,
      cache_creation: { ephemeral_5m_input_tokens: tokens.write5m, ephemeral_1h_input_tokens: tokens.write1h },
      output_tokens: tokens.output,
    }
    const counted = { ...tokens }
    if (chance(0.1)) {
      const field = pick(Object.keys(usageKeys) as ReadonlyArray<keyof typeof usageKeys>)
      usage[usageKeys[field]] = pick(oddValues)
      if (field === "write") {
        counted.write5m = 0
        counted.write1h = 0
      } else counted[field] = 0
    }
    add({
      ...envelope,
      message: { model, id: `msg_${session}_${index}`, type: "message", role: "assistant", content: [{ type: "text", text: "ok" }], usage },
      requestId: `req_${session}_${index}`,
      type: "assistant",
      uuid: `a-${session}-${index}`,
      timestamp: timestamp(session, index + 1),
    }, () => {
      const sum = byModel.get(model) ?? { input: 0, output: 0, write5m: 0, write1h: 0, read: 0 }
      for (const key of Object.keys(sum) as ReadonlyArray<keyof Tokens>) sum[key] += counted[key]
      byModel.set(model, sum)
    })
  }
  const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")]))
  return { bytes, expected: { recorded: intact > 0, byModel } }
}


const costOf = (byModel: ReadonlyMap<Model, Tokens>) =>
  [...byModel].reduce((total, [model, t]) => {
    const p = prices[model]
    const cost = (t.input * p.input + t.output * p.output + t.write5m * p.write5m + t.write1h * p.write1h + t.read * p.read) / 1e6
    return total + Math.round(cost * 1e6) / 1e6
  }, 0)

interface SessionRow {
  readonly session_id: string
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cache_write_tokens: number
  readonly cache_read_tokens: number
  readonly cost_usd: number
}

const expectExact = (rows: ReadonlyArray<SessionRow>, expected: ReadonlyMap<string, Expected>) => {
  const wanted = [...expected].filter(([, value]) => value.recorded).map(([id]) => id).sort()
  expect(rows.map((row) => row.session_id).sort()).toEqual(wanted)
  for (const row of rows) {
    const byModel = expected.get(row.session_id)?.byModel ?? new Map<Model, Tokens>()
    const sum = (key: keyof Tokens) => [...byModel.values()].reduce((total, tokens) => total + tokens[key], 0)
    expect({ id: row.session_id, input: row.input_tokens, output: row.output_tokens, write: row.cache_write_tokens, read: row.cache_read_tokens })
      .toEqual({ id: row.session_id, input: sum("input"), output: sum("output"), write: sum("write5m") + sum("write1h"), read: sum("read") })
    expect(row.cost_usd).toBeCloseTo(costOf(byModel), 5)
  }
}

/** Processes still running with this data dir in their environment (Linux: /proc; elsewhere none are seen). */
const processesUsing = (dataDir: string): ReadonlyArray<string> => {
  if (!existsSync("/proc/self/environ")) return []
  return readdirSync("/proc").filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`CLAUDE_LOGGER_HOME=${dataDir}`)
    } catch {
      return false
    }
  })
}

/** `sessions --json` for thousands of rows: more output than runCli's default buffer takes. */
const recordedSessions = (env: NodeJS.ProcessEnv): ReadonlyArray<SessionRow> => {
  const result = spawnSync(process.execPath, [cliPath, "sessions", "--json", "--limit", "5000"], { env, encoding: "utf8", maxBuffer: 64 << 20 })
  return parseJson<ReadonlyArray<SessionRow>>({ status: result.status, stdout: result.stdout, stderr: result.stderr })
}

const runHook = (env: NodeJS.ProcessEnv, input: string) =>
  new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [cliPath, "record", "--no-sync"], { env, stdio: ["pipe", "ignore", "ignore"] })
    child.stdin.end(input)
    child.on("exit", done)
  })

describe(`fuzz: damaged transcripts are recorded exactly, and nothing blocks (seed=${seed})`, () => {
  it("2,000 transcripts, a FIFO and a binary file: through backfill and through the hook queue", async () => {
    console.log(`recording-fuzz seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    const home = mkdtempSync(join(tmpdir(), "csl-fuzz-"))
    const projectDir = join(home, ".claude", "projects", "-fuzz")
    mkdirSync(projectDir, { recursive: true })
    const expected = new Map<string, Expected>()
    for (let session = 0; session < 2_000; session++) {
      const sessionId = `fuzz-${String(session).padStart(4, "0")}`
      const { bytes, expected: value } = generateSession(session, sessionId)
      writeFileSync(join(projectDir, `${sessionId}.jsonl`), bytes)
      expected.set(sessionId, value)
    }
    execFileSync("mkfifo", [join(projectDir, "fifo.jsonl")])
    writeFileSync(join(projectDir, "binary.jsonl"), Buffer.from(Array.from({ length: 8192 }, () => below(256))))

    // Through backfill.
    const backfillHome = join(home, "backfill-data")
    const backfillEnv = userEnv(home, { CLAUDE_LOGGER_HOME: backfillHome })
    const backfilled = runCli(["backfill"], { env: backfillEnv })
    expect(backfilled.status, backfilled.stderr).toBe(0)
    expectExact(recordedSessions(backfillEnv), expected)

    // Through the hook queue: a sample of the sessions, the FIFO, the binary file and a device, reported at once.
    const hookHome = join(home, "hook-data")
    const hookEnv = userEnv(home, { CLAUDE_LOGGER_HOME: hookHome })
    const sample = [...expected.keys()].filter(() => chance(0.012))
    const reports = [...sample, "fifo", "binary", "device"].map((sessionId) =>
      JSON.stringify({
        session_id: sessionId,
        transcript_path: sessionId === "device" ? "/dev/zero" : join(projectDir, `${sessionId}.jsonl`),
        cwd: "/home/dev",
        reason: "exit",
      })
    )
    for (let start = 0; start < reports.length; start += 4) {
      expect(await Promise.all(reports.slice(start, start + 4).map((input) => runHook(hookEnv, input)))).toEqual([0, 0, 0, 0].slice(0, Math.min(4, reports.length - start)))
    }
    const pending = join(hookHome, "pending")
    const queueEmpty = () => !existsSync(pending) || readdirSync(pending).every((name) => name === "failed")
    expect(await eventually(queueEmpty, (empty) => empty, 40_000)).toBe(true)
    expect(await eventually(() => processesUsing(hookHome), (pids) => pids.length === 0, 10_000)).toEqual([])
    const sampled = new Map(sample.map((id) => [id, expected.get(id) as Expected]))
    expectExact(recordedSessions(hookEnv), sampled)
    expect(processesUsing(backfillHome)).toEqual([])
  }, 120_000)
})
