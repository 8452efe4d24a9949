import { execFileSync, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { cliPath, parseJson, runCli, userEnv } from "../support/cli.js"
import { eventually } from "../support/eventually.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"
import type { SessionView } from "../../src/sessions/session-queries.js"


let home: string
let projectDir: string
let env: NodeJS.ProcessEnv
const started: Array<{ kill: () => void }> = []
const dataDir = () => join(home, ".claude", "claude-session-logger")
const pending = () => join(dataDir(), "pending")
const cli = (args: ReadonlyArray<string>, input?: string) => runCli(args, input === undefined ? { env } : { env, input })
const sessions = () => parseJson<ReadonlyArray<SessionView>>(cli(["sessions", "--json", "--limit", "1000"]))
const logText = () => {
  const path = join(dataDir(), "claude-session-logger.log")
  return existsSync(path) ? readFileSync(path, "utf8") : ""
}
const queueIsEmpty = () =>
  !existsSync(pending()) || readdirSync(pending()).filter((name) => name.endsWith(".json") || name === ".drain.lock").length === 0

const t = (minute: number) => `2026-11-14T09:${String(minute).padStart(2, "0")}:00.000Z`
/** A session whose second response carries `odd` as its input count. */
const writeSession = (sessionId: string, odd?: unknown) => {
  const ctx = { sessionId }
  const path = join(projectDir, `${sessionId}.jsonl`)
  const oddLine = JSON.parse(assistant(ctx, { messageId: `${sessionId}-msg_2`, usage: { input: 1, output: 5 }, timestamp: t(2) })) as {
    message: { usage: Record<string, unknown> }
  }
  oddLine.message.usage.input_tokens = odd
  writeLines(path, [
    userPrompt(ctx, "Fix the build", t(0)),
    // Message ids are unique per API response: sessions sharing one would share its usage.
    assistant(ctx, { messageId: `${sessionId}-msg_1`, usage: { input: 100, output: 20, cacheRead: 1000 }, timestamp: t(1) }),
    ...(odd === undefined ? [] : [JSON.stringify(oddLine)]),
  ])
  return path
}
/** A report as the hook queues it, written directly (no drain started) to set up a queue state. */
const queueReport = (report: Readonly<Record<string, unknown>>) => {
  mkdirSync(pending(), { recursive: true })
  writeFileSync(join(pending(), `1-1-${String(report.sessionId)}.json`), JSON.stringify(report))
}
const hookInput = (sessionId: string, transcriptPath: string) =>
  JSON.stringify({ session_id: sessionId, transcript_path: transcriptPath, cwd: "/home/dev/projects/shop", reason: "exit" })

beforeEach(() => {
  ;({ home, projectDir } = claudeHome())
  env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
})
afterEach(() => {
  for (const process of started.splice(0)) process.kill()
})

describe("one odd usage number costs only that value", () => {
  it("backfill records every session; each odd value counts 0 and its line as malformed", () => {
    const odd = [1.5, 1e20, 1e308, -4, "12"]
    odd.forEach((value, index) => writeSession(`odd-${index}`, value))
    writeSession("plain")
    const result = cli(["backfill"])
    expect(result.stderr).toBe("")
    expect(result.stdout).toBe(`backfill: 6 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), ${odd.length} malformed line(s)\n`)
    for (const row of sessions()) expect(row).toMatchObject({ input_tokens: 100, output_tokens: row.session_id === "plain" ? 20 : 25, cache_read_tokens: 1000 })
  })

  it("through the hook: the report is recorded and the queue empties", async () => {
    expect(cli(["record", "--no-sync"], hookInput("odd", writeSession("odd", 1.5))).status).toBe(0)
    const rows = await eventually(sessions, (list) => list.length === 1)
    expect(rows[0]).toMatchObject({ session_id: "odd", input_tokens: 100, output_tokens: 25 })
    expect(await eventually(queueIsEmpty, (empty) => empty)).toBe(true)
    expect(logText()).toMatch(/odd: skipped 1 malformed line/)
  })
})

describe("a figure JSON cannot hold (1e400 reads as Infinity) is no figure", () => {
  it("a cost-state of 1e400 and a prices.json rate of 1e400: shown as a rebuild shows them, never as $Infinity", () => {
    const path = writeSession("huge")
    writeFileSync(path, `${readFileSync(path, "utf8")}{"type":"cost-state","totalCostUSD":1e400,"sessionId":"huge","timestamp":"${t(3)}"}\n`)
    mkdirSync(dataDir(), { recursive: true })
    // Negative or infinite rates are not prices: the bundled ones stand (Opus: 5 input, 25 output, 0.5 cache read).
    writeFileSync(join(dataDir(), "prices.json"), `{ "claude-opus-4-6": { "input": 1e400, "output": -1, "cache_write": 1, "cache_write_1h": 1, "cache_read": 1 } }`)
    expect(cli(["backfill"])).toEqual({ status: 0, stdout: "backfill: 1 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), 0 malformed line(s)\n", stderr: "" })
    const table = cli(["sessions"])
    expect(table.stdout).not.toContain("Infinity")
    expect(sessions()).toEqual([expect.objectContaining({ session_id: "huge", cost_usd: (100 * 5 + 20 * 25 + 1000 * 0.5) / 1e6, cc_cost_usd: null })])
    expect(cli(["rebuild"]).status).toBe(0)
    expect(cli(["sessions"])).toEqual(table)
  })
})

describe("only regular files are read", () => {
  it("backfill over a *.jsonl FIFO finishes and records the other sessions", () => {
    execFileSync("mkfifo", [join(projectDir, "fifo.jsonl")])
    writeSession("plain")
    const result = spawnSync(process.execPath, [cliPath, "backfill"], { env, cwd: home, encoding: "utf8", timeout: 20_000, killSignal: "SIGKILL" })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^backfill: 1 session\(s\) recorded/)
  })

  it("the hook with a FIFO (or a device) as transcript: nothing recorded, the reason logged, the queue moves on", async () => {
    execFileSync("mkfifo", [join(projectDir, "fifo.jsonl")])
    cli(["record", "--no-sync"], hookInput("fifo", join(projectDir, "fifo.jsonl")))
    cli(["record", "--no-sync"], hookInput("zero", "/dev/zero"))
    cli(["record", "--no-sync"], hookInput("plain", writeSession("plain")))
    expect((await eventually(sessions, (list) => list.length === 1)).map((row) => row.session_id)).toEqual(["plain"])
    expect(await eventually(queueIsEmpty, (empty) => empty)).toBe(true)
    const log = await eventually(logText, (text) => text.includes("/dev/zero is not"))
    expect(log).toMatch(/nothing recorded for fifo: cannot read: .*fifo\.jsonl is not a regular file/)
    expect(log).toMatch(/nothing recorded for zero: cannot read: \/dev\/zero is not a regular file/)
  })

  it("a report that three drains died on is moved aside to pending/failed, with the reason in the log", () => {
    queueReport({ sessionId: "stuck", transcriptPath: writeSession("stuck"), cwd: "/x", reason: "exit", receivedAt: t(0), attempts: 3 })
    expect(cli(["process-recordings", "--no-sync"]).stdout).toBe("recorded 0 session(s), 0 unchanged, 1 not recordable (see the log)\n")
    expect(readdirSync(join(pending(), "failed"))).toEqual(["1-1-stuck.json"])
    expect(logText()).toMatch(/gave up on stuck \(.*stuck\.jsonl\) after 3 attempts: .*; moved to .*failed\/1-1-stuck\.json \(move it back into pending\/ to retry\)/)
    expect(queueIsEmpty()).toBe(true)
  })

  it("a drain lock older than the drain's deadline is taken over, even when its pid is alive", () => {
    const sleeper = spawn("sleep", ["60"], { stdio: "ignore" })
    started.push(sleeper)
    mkdirSync(pending(), { recursive: true })
    const lock = join(pending(), ".drain.lock")
    writeFileSync(lock, String(sleeper.pid))
    queueReport({ sessionId: "plain", transcriptPath: writeSession("plain"), cwd: "/x", reason: "exit", receivedAt: t(0) })
    expect(cli(["process-recordings", "--no-sync"]).stdout).toBe("another process is recording queued sessions\n")
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000 - 5_000)
    utimesSync(lock, elevenMinutesAgo, elevenMinutesAgo)
    expect(cli(["process-recordings", "--no-sync"]).stdout).toBe("recorded 1 session(s), 0 unchanged, 0 not recordable (see the log)\n")
  })
})

describe("record reads stdin with a deadline", () => {
  /** Runs `record`, writes `input` and leaves stdin open; resolves with the milliseconds until it exits. */
  const recordWithOpenStdin = (input: string) =>
    new Promise<{ readonly ms: number; readonly code: number | null }>((done) => {
      const start = Date.now()
      const child = spawn(process.execPath, [cliPath, "record", "--no-sync"], { env, cwd: home, stdio: ["pipe", "ignore", "ignore"] })
      started.push({ kill: () => child.kill("SIGKILL") })
      child.stdin.write(input)
      // Past Claude Code's 10 s hook timeout the answer is known: stop waiting.
      const giveUp = setTimeout(() => child.kill("SIGKILL"), 10_000)
      child.on("exit", (code) => {
        clearTimeout(giveUp)
        child.stdin.destroy()
        done({ ms: Date.now() - start, code })
      })
    })

  it("a whole hook JSON with stdin left open: returns at once, and the session records", async () => {
    const { code, ms } = await recordWithOpenStdin(hookInput("plain", writeSession("plain")))
    expect(code).toBe(0)
    expect(ms).toBeLessThan(1_500)
    expect((await eventually(sessions, (list) => list.length === 1))[0]?.session_id).toBe("plain")
  })

  it("a partial input with stdin left open: gives up after the deadline, well within the hook's 10 s, and logs why", async () => {
    const { code, ms } = await recordWithOpenStdin(`{"session_id":"half"`)
    expect(code).toBe(0)
    expect(ms).toBeGreaterThanOrEqual(1_900)
    expect(ms).toBeLessThan(5_000)
    expect(logText()).toMatch(/record: nothing recorded: hook input is not valid JSON/)
  })
})

describe("files that are not Claude Code transcripts", () => {
  it.each([
    ["a text file", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n"],
    ["a binary file", Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))],
  ])("%s records nothing, and the log says why", async (_, content) => {
    const path = join(home, "not-a-transcript.jsonl")
    writeFileSync(path, content)
    cli(["record", "--no-sync"], hookInput("junk", path))
    const log = await eventually(logText, (text) => text.includes("nothing recorded for junk"))
    expect(log).toMatch(/nothing recorded for junk: .*not-a-transcript\.jsonl holds no conversation line \(not a Claude Code transcript\?\)/)
    expect(await eventually(queueIsEmpty, (empty) => empty)).toBe(true)
    expect(sessions()).toEqual([])
  })

  it("a 300-character session_id is queued and its session recorded", async () => {
    const longId = "s".repeat(300)
    expect(cli(["record", "--no-sync"], hookInput(longId, writeSession("plain")))).toEqual({ status: 0, stdout: "", stderr: "" })
    expect((await eventually(sessions, (list) => list.length === 1))[0]?.session_id).toBe("plain")
    expect(logText()).not.toMatch(/ENAMETOOLONG/)
  })
})

describe("a data dir that cannot be written", () => {
  it("record exits 0 and logs what it could not queue and where; doctor reports it", () => {
    mkdirSync(dataDir(), { recursive: true })
    writeFileSync(pending(), "not a folder")
    expect(cli(["record", "--no-sync"], hookInput("lost", writeSession("lost")))).toEqual({ status: 0, stdout: "", stderr: "" })
    expect(logText()).toMatch(/record: could not queue session lost \(transcript .*lost\.jsonl\): .*pending.*; run `claude-session-logger backfill` once .* is writable/)
    const checks = JSON.parse(cli(["doctor", "--json"]).stdout) as ReadonlyArray<{ readonly name: string; readonly ok: boolean; readonly detail: string }>
    expect(checks.find((check) => check.name === "data dir")).toMatchObject({ ok: false, detail: expect.stringMatching(/pending is not a directory/) })
  })

  it("when not even the log can be written, the line goes to a log in the OS temp dir", () => {
    const blocker = join(home, "a-file")
    writeFileSync(blocker, "")
    const tmp = join(home, "tmp")
    mkdirSync(tmp)
    env = userEnv(home, { CLAUDE_LOGGER_HOME: join(blocker, "data"), TMPDIR: tmp })
    expect(cli(["record", "--no-sync"], hookInput("lost", writeSession("lost")))).toEqual({ status: 0, stdout: "", stderr: "" })
    const fallback = join(tmp, `claude-session-logger-${process.getuid?.() ?? "user"}.log`)
    expect(readFileSync(fallback, "utf8")).toMatch(/record: could not queue session lost .*\(could not write .*a-file\/data\/claude-session-logger\.log: /)
  })
})
