import { existsSync, readdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, type LineContext, userPrompt, writeLines } from "../support/transcript-builder.js"
import type { SessionView } from "../../src/sessions/session-queries.js"

// A resume or fork can copy earlier responses into a new session file with the new file's
// sessionId and no forkedFrom: the same API response (same message.id and requestId), billed once.

interface DayJson {
  readonly period: string
  readonly output_tokens: number
  readonly cache_read_tokens: number
}

let home: string
let projectDir: string
const env = () => userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
const cli = (args: ReadonlyArray<string>, input?: string) => runCli(args, input === undefined ? { env: env() } : { env: env(), input })
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

const origin: LineContext = { sessionId: "aaaa0000-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop" }
const resumed: LineContext = { sessionId: "bbbb0000-0000-4000-8000-000000000002", cwd: "/home/dev/projects/shop" }
const pathOf = (session: LineContext) => join(projectDir, `${session.sessionId}.jsonl`)

/** The origin's two responses; the resumed file copies them under its own sessionId, then adds one. */
const first = { messageId: "msg_1", requestId: "req_1", usage: { input: 10, output: 1000, cacheRead: 50_000 }, timestamp: "2026-11-14T09:01:00.000Z" }
const second = { messageId: "msg_2", requestId: "req_2", usage: { input: 20, output: 2000, cacheRead: 60_000 }, timestamp: "2026-11-14T09:02:00.000Z" }
const third = { messageId: "msg_3", requestId: "req_3", usage: { input: 30, output: 400, cacheRead: 70_000 }, timestamp: "2026-11-15T10:00:00.000Z" }

const writeOrigin = () =>
  writeLines(pathOf(origin), [userPrompt(origin, "Add coupons", "2026-11-14T09:00:00.000Z"), assistant(origin, first), assistant(origin, second)])
const writeResumed = () =>
  writeLines(pathOf(resumed), [
    userPrompt(resumed, "Add coupons", "2026-11-14T09:00:00.000Z"),
    assistant(resumed, first),
    assistant(resumed, second),
    userPrompt(resumed, "Now the tests", "2026-11-15T09:59:00.000Z"),
    assistant(resumed, third),
  ])

const perSession = () =>
  Object.fromEntries(parseJson<ReadonlyArray<SessionView>>(cli(["sessions", "--json"])).map((row) => [
    row.session_id,
    { output: row.output_tokens, cacheRead: row.cache_read_tokens },
  ]))
const perDay = () =>
  parseJson<ReadonlyArray<DayJson>>(cli(["summary", "--period", "d", "--timezone", "UTC", "--json"])).map((row) => [
    row.period,
    row.output_tokens,
    row.cache_read_tokens,
  ])

/** What the hook does at SessionEnd, waited for until its detached drain has recorded the session. */
const recordByHook = async (session: LineContext) => {
  const input = JSON.stringify({ session_id: session.sessionId, transcript_path: pathOf(session), cwd: session.cwd, hook_event_name: "SessionEnd" })
  expect(cli(["record", "--no-sync"], input)).toEqual({ status: 0, stdout: "", stderr: "" })
  const pending = join(home, ".claude", "claude-session-logger", "pending")
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
    if (!existsSync(pending) || readdirSync(pending).filter((name) => name.endsWith(".json") || name === ".drain.lock").length === 0) return
  }
  throw new Error("the hook's drain never finished")
}

// The earliest copy wins; here the copies share their timestamps, so the smaller session id owns them.
const expectedSessions = {
  [origin.sessionId]: { output: 3000, cacheRead: 110_000 },
  [resumed.sessionId]: { output: 400, cacheRead: 70_000 },
}
const expectedDays = [["2026-11-14", 3000, 110_000], ["2026-11-15", 400, 70_000]]

beforeEach(() => {
  ;({ home, projectDir } = claudeHome())
  writeOrigin()
  writeResumed()
})

describe("a response copied into another session without a marker counts once", () => {
  it("backfill: once per day, and for one session", () => {
    expect(cli(["backfill"]).status).toBe(0)
    expect(perSession()).toEqual(expectedSessions)
    expect(perDay()).toEqual(expectedDays)
  })

  it("the SessionEnd hook, the origin first: the same totals", async () => {
    await recordByHook(origin)
    await recordByHook(resumed)
    expect(perSession()).toEqual(expectedSessions)
    expect(perDay()).toEqual(expectedDays)
  })

  it("the SessionEnd hook, the copy first: the origin takes its responses back when it is recorded", async () => {
    await recordByHook(resumed)
    expect(perSession()).toEqual({ [resumed.sessionId]: { output: 3400, cacheRead: 180_000 } })
    await recordByHook(origin)
    expect(perSession()).toEqual(expectedSessions)
    expect(perDay()).toEqual(expectedDays)
  })

  it("a copy removed from a re-recorded session gives its response back to the other holder", () => {
    expect(cli(["backfill"]).status).toBe(0)
    writeLines(pathOf(origin), [userPrompt(origin, "Add coupons", "2026-11-14T09:00:00.000Z")])
    expect(cli(["backfill"]).status).toBe(0)
    expect(perSession()).toEqual({
      [origin.sessionId]: { output: 0, cacheRead: 0 },
      [resumed.sessionId]: { output: 3400, cacheRead: 180_000 },
    })
  })
})

describe("a marked copy whose origin's transcript is gone", () => {
  it("counts for the origin when it was recorded before its transcript went, whatever the session ids", () => {
    const fork: LineContext = { sessionId: "0000ffff-0000-4000-8000-000000000004", cwd: "/home/dev/projects/shop" }
    const forkedFrom = { forkedFrom: { sessionId: origin.sessionId, messageUuid: "x" } }
    rmSync(pathOf(resumed))
    expect(cli(["backfill"]).status).toBe(0)
    rmSync(pathOf(origin))
    writeLines(pathOf(fork), [
      assistant(fork, { ...first, extra: forkedFrom }),
      assistant(fork, { ...second, extra: forkedFrom }),
      assistant(fork, third),
    ])
    expect(cli(["backfill"]).status).toBe(0)
    expect(perSession()).toEqual({
      [origin.sessionId]: { output: 3000, cacheRead: 110_000 },
      [fork.sessionId]: { output: 400, cacheRead: 70_000 },
    })
  })
})

describe("a response written across midnight", () => {
  it("counts on the day of its final line", () => {
    const late: LineContext = { sessionId: "cccc0000-0000-4000-8000-000000000003", cwd: "/home/dev/projects/shop" }
    writeLines(join(projectDir, `${late.sessionId}.jsonl`), [
      userPrompt(late, "Deploy", "2026-11-16T23:59:00.000Z"),
      assistant(late, { messageId: "msg_9", requestId: "req_9", usage: { output: 5, cacheRead: 1000 }, timestamp: "2026-11-16T23:59:59.800Z" }),
      assistant(late, { messageId: "msg_9", requestId: "req_9", usage: { output: 700, cacheRead: 1000 }, timestamp: "2026-11-17T00:00:01.200Z" }),
    ])
    expect(cli(["backfill"]).status).toBe(0)
    expect(perDay()).toEqual([...expectedDays, ["2026-11-17", 700, 1000]])
  })
})
