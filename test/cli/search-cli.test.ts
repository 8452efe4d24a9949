import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { freshHome, parseJson, runCli, runCliAsync, userEnv } from "../support/cli.js"
import { holdDatabase } from "../support/hold-database.js"
import { assistant, claudeHome, type LineContext, toolResult, userPrompt, writeLines } from "../support/transcript-builder.js"

interface HitJson {
  readonly session_id: string
  readonly title: string | null
  readonly matching_line?: { readonly line_number: number; readonly text: string }
}

let home: string
let projectDir: string
const env = () => userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
const cli = (args: ReadonlyArray<string>) => runCli(args, { env: env() })
const search = (...args: ReadonlyArray<string>) => parseJson<ReadonlyArray<HitJson>>(cli(["search", ...args, "--json"]))
const dataDir = () => join(home, ".claude", "claude-session-logger")

const login = { sessionId: "aa11aa11-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop" }
const cart = { sessionId: "bb22bb22-0000-4000-8000-000000000002", cwd: "/home/dev/projects/shop" }

/** One assistant response holding one content block. */
const reply = (context: LineContext, messageId: string, timestamp: string, block: Readonly<Record<string, unknown>>) =>
  assistant(context, { messageId, usage: { input: 100, output: 10 }, timestamp, block })

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
/** backfill starts an index refresh in the background: wait until it has written the index and let go. */
const backgroundIndexDone = async () => {
  const indexPath = join(dataDir(), "search-index.bin")
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(100)) {
    if (existsSync(indexPath) && !existsSync(`${indexPath}.lock`)) return
  }
}

beforeEach(async () => {
  ;({ home, projectDir } = claudeHome())
  writeLines(join(projectDir, `${login.sessionId}.jsonl`), [
    userPrompt(login, "Why does CI fail on main?", "2026-11-14T09:00:00.000Z"),
    reply(login, "msg_1", "2026-11-14T09:01:00.000Z", { type: "text", text: "The flaky login test waits on a real timer; I will fake the clock." }),
    reply(login, "msg_2", "2026-11-14T09:02:00.000Z", { type: "tool_use", id: "toolu_1", name: "Bash", input: { command: "npm test -- login.spec.ts" } }),
    toolResult(login, "toolu_1", "2026-11-14T09:03:00.000Z"),
  ])
  writeLines(join(projectDir, `${cart.sessionId}.jsonl`), [
    userPrompt(cart, "Add coupon codes to the cart", "2026-11-15T09:00:00.000Z"),
    reply(cart, "msg_3", "2026-11-15T09:01:00.000Z", { type: "thinking", thinking: "the flaky login test is unrelated" }),
  ])
  cli(["backfill"])
  await backgroundIndexDone()
})

describe("search on a new machine", () => {
  it("answers at once when nothing is recorded yet, and so do index and process-recordings", () => {
    home = freshHome()
    expect(cli(["search", "anything", "--content"])).toEqual({ status: 0, stdout: 'No session matches "anything".\n', stderr: "" })
    expect(cli(["index"]).stdout.trim()).toBe("search index: up to date (0 session(s))")
    expect(cli(["process-recordings"]).stdout.trim()).toBe("recorded 0 session(s), 0 unchanged, 0 not recordable (see the log)")
  })
})

describe("search --content", () => {
  it("finds what the conversation says, tool calls included, but not thinking or tool output", () => {
    const hits = search("flaky login", "--content")
    expect(hits.map((hit) => [hit.title, hit.matching_line])).toEqual([
      ["Why does CI fail on main?", { line_number: 2, text: "The flaky login test waits on a real timer; I will fake the clock." }],
    ])
    expect(search("login.spec", "--content")[0]?.matching_line?.text).toBe("⚙ Bash: npm test -- login.spec.ts")
    // "done" is only in the tool output; "unrelated" only in the thinking.
    expect(search("done", "--content")).toEqual([])
    expect(search("unrelated", "--content")).toEqual([])
    expect(search("Flaky", "--content")).toEqual([])
  })

  it("prints the same from its index as when it refreshes the index first, as JSON and as text", () => {
    const indexPath = join(dataDir(), "search-index.bin")
    for (const args of [["flaky", "--content", "--json"], ["coupon", "--content"], ["nothing-like-this", "--content"]]) {
      rmSync(indexPath) // the launcher cannot answer: the full CLI builds the index and answers
      const refreshed = cli(["search", ...args])
      expect(existsSync(indexPath)).toBe(true)
      const fromIndex = cli(["search", ...args])
      expect(refreshed.status).toBe(0)
      expect(fromIndex).toEqual(refreshed)
    }
    expect(cli(["search", "flaky", "--content"]).stdout).toMatch(/^aa11aa11 line 2: The flaky login test waits on a real timer/m)
    expect(cli(["search", "nothing-like-this"]).stdout.trim()).toBe('No session matches "nothing-like-this".')
  })

  it("answers from a current index while another process holds the database", async () => {
    search("warm", "--content") // builds the index
    const holder = await holdDatabase(join(dataDir(), "sessions.duckdb"), 4_000)
    const started = Date.now()
    const result = await runCliAsync(["search", "fake the clock", "--content", "--json"], { env: env() })
    const tookMs = Date.now() - started
    await holder.released
    expect(result.status).toBe(0)
    expect((JSON.parse(result.stdout) as ReadonlyArray<HitJson>).map((hit) => hit.session_id)).toEqual([login.sessionId])
    // The full CLI would have waited for the lock; the index needs no database at all.
    expect(tookMs).toBeLessThan(3_000)
  })

  it("sees a session recorded after the index was built, and a transcript that grew since", () => {
    search("warm", "--content")
    const late = { sessionId: "cc33cc33-0000-4000-8000-000000000003", cwd: "/home/dev/projects/api" }
    writeLines(join(projectDir, `${late.sessionId}.jsonl`), [userPrompt(late, "Rotate the signing keys", "2026-11-16T09:00:00.000Z")])
    cli(["backfill"])
    expect(search("signing keys").map((hit) => hit.session_id)).toEqual([late.sessionId])
    writeFileSync(join(projectDir, `${cart.sessionId}.jsonl`), `${userPrompt(cart, "and the gift cards", "2026-11-15T10:00:00.000Z")}\n`, { flag: "a" })
    expect(search("gift cards", "--content").map((hit) => hit.matching_line?.line_number)).toEqual([3])
  })

  it("rebuilds an index that is damaged, and the index command reports what it read", () => {
    expect(cli(["index"]).stdout.trim()).toBe("search index: up to date (2 session(s))")
    const indexPath = join(dataDir(), "search-index.bin")
    expect(existsSync(indexPath)).toBe(true)
    writeFileSync(indexPath, readFileSync(indexPath).subarray(0, 100))
    expect(cli(["index"]).stdout.trim()).toBe("search index: 2 session(s), 2 transcript(s) read")
    writeFileSync(indexPath, "not an index")
    expect(search("fake the clock", "--content").map((hit) => hit.session_id)).toEqual([login.sessionId])
  })
})

describe("several words, like the guide's cs", () => {
  it("match a session holding all of them on different lines, not words spread over two sessions; a quoted phrase only as written", () => {
    // "coupon" is only in the cart session, "timer" only in the login session.
    expect(search("coupon", "--content").map((hit) => hit.session_id)).toEqual([cart.sessionId])
    expect(search("timer", "ci", "--content").map((hit) => hit.session_id)).toEqual([login.sessionId])
    expect(search("login.spec.ts", "fake", "--content").map((hit) => hit.session_id)).toEqual([login.sessionId])
    expect(search("coupon", "timer", "--content")).toEqual([])
    expect(search("fake the clock", "--content").map((hit) => hit.session_id)).toEqual([login.sessionId])
    expect(search("clock the fake", "--content")).toEqual([])
    expect(search(`"fake the" clock`, "--content").map((hit) => hit.session_id)).toEqual([login.sessionId])
  })

  it("print the command that resumes each hit with --resume-command, and carry it in --json", () => {
    const resume = `cd /home/dev/projects/shop && claude --resume ${login.sessionId}`
    expect(cli(["search", "timer", "ci", "--content", "--resume-command"]).stdout).toContain(`aa11aa11  ${resume}\n`)
    expect(parseJson<ReadonlyArray<{ resume_command: string }>>(cli(["search", "timer", "ci", "--content", "--resume-command", "--json"])))
      .toMatchObject([{ resume_command: resume }])
    expect(search("timer", "ci", "--content")[0]).not.toHaveProperty("resume_command")
    const listed = cli(["sessions", "--resume-command"]).stdout
    expect(listed).toContain(`aa11aa11  ${resume}\n`)
    expect(listed).toContain(`bb22bb22  cd /home/dev/projects/shop && claude --resume ${cart.sessionId}`)
    expect(parseJson<ReadonlyArray<{ resume_command: string }>>(cli(["sessions", "--json", "--resume-command", "--search", "coupon"])))
      .toMatchObject([{ resume_command: `cd /home/dev/projects/shop && claude --resume ${cart.sessionId}` }])
  })
})

describe("search from its index, after a sync", () => {
  it("is not answered from the index once the store holds events it was not built from, even events that sort before the newest", () => {
    const remote = join(freshHome(), "remote.duckdb")
    const alice = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_REMOTE: remote })
    const bob = userEnv(freshHome(), { CLAUDE_LOGGER_USER: "bob", CLAUDE_LOGGER_REMOTE: remote })
    const run = (env: NodeJS.ProcessEnv, args: ReadonlyArray<string>) => {
      const result = runCli(args, { env })
      expect(result.status, result.stderr).toBe(0)
      return result.stdout
    }
    writeLines(join(projectDir, `${login.sessionId}.jsonl`), [userPrompt(login, "Fix the flaky login test", "2026-11-19T10:00:00.000Z")])
    run(alice, ["backfill"]) // alice's session: an event older than anything bob makes next
    run(bob, ["log", "--category", "note", "--title", "bob's note"])
    run(bob, ["sync"])
    expect(run(bob, ["search", "flaky"])).toBe('No session matches "flaky".\n') // builds bob's index
    run(alice, ["sync"])
    run(bob, ["sync"]) // pulls alice's older session: bob's newest event id stays the same
    expect(run(bob, ["search", "flaky"])).toContain("Fix the flaky login test")
  }, 120_000)
})
