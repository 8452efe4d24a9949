import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { type CliResult, freshHome, parseJson, runCli, userEnv } from "../support/cli.js"

interface EntryJson {
  readonly id: string
  readonly short_id: string
  readonly category: string
  readonly status: string
  readonly title: string
  readonly body: string
  readonly session_id: string | null
  readonly updated_by: string
}
interface EventJson {
  readonly id: string
  readonly type: string
  readonly entityId: string
  readonly actor: string
  readonly payload: Record<string, unknown>
}

let home: string
const as = (user: string) => userEnv(home, { CLAUDE_LOGGER_USER: user })
const cli = (args: ReadonlyArray<string>, user = "alice", cwd?: string) =>
  runCli(args, cwd === undefined ? { env: as(user) } : { env: as(user), cwd })
const entries = (user = "alice") => parseJson<ReadonlyArray<EntryJson>>(cli(["list", "--all-projects", "--json"], user))
const events = () => parseJson<ReadonlyArray<EventJson>>(cli(["events", "--json"]))
const loggedId = (result: CliResult) => /id=([0-9A-Z]{26})$/m.exec(result.stdout)?.[1] ?? ""

/** An expected error: one line on stderr, no stack, a non-zero exit. */
const expectOneLineError = (result: CliResult, pattern: RegExp) => {
  expect(result.status).not.toBe(0)
  const lines = result.stderr.trim().split("\n").filter((line) => line.trim() !== "")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/)
}

beforeEach(() => {
  home = freshHome()
})

describe("log → list → show → resolve → events → rebuild, as a new user", () => {
  it("keeps every change and rebuilds to the same table", () => {
    const logged = cli(["log", "--category", "issue", "--title", "Flaky login test", "--body", "fails on CI"])
    expect(logged.status).toBe(0)
    expect(logged.stdout).toMatch(/^logged issue \(open\) id=[0-9A-Z]{26}\n$/)
    const id = loggedId(logged)
    expect(cli(["log", "--category", "decision", "--title", "Use DuckDB"]).stdout).toMatch(/^logged decision \(info\) id=/)

    const listed = cli(["list"])
    expect(listed.stdout).toContain(id.slice(-8))
    expect(listed.stdout).toContain("Flaky login test")

    const shown = cli(["show", id.slice(-8)])
    expect(shown.status).toBe(0)
    expect(shown.stdout).toContain("fails on CI")
    expect(shown.stdout).toContain(id)

    const resolved = cli(["resolve", "--title-match", "LOGIN flaky", "--note", "fixed the race"])
    expect(resolved.status).toBe(0)
    expect(resolved.stdout).toContain(`resolved issue id=${id}`)

    const open = parseJson<ReadonlyArray<EntryJson>>(cli(["list", "--open", "--json"]))
    expect(open.map((entry) => entry.title)).toEqual(["Use DuckDB"])
    const body = parseJson<EntryJson>(cli(["show", id, "--json"])).body
    expect(body).toMatch(/^fails on CI\n\n\[\d{4}-\d{2}-\d{2} alice → resolved\] fixed the race$/)

    expect(events().map((event) => event.type)).toEqual(["EntryLogged", "EntryLogged", "EntryStatusChanged"])
    expect(parseJson<ReadonlyArray<EventJson>>(cli(["events", "--entity", id.slice(-8), "--json"]))).toHaveLength(2)
    expect(parseJson<ReadonlyArray<EventJson>>(cli(["events", "--type", "EntryLogged", "--limit", "1", "--json"]))
      .map((event) => event.payload.title)).toEqual(["Use DuckDB"])

    const before = cli(["list", "--json"]).stdout
    const rebuilt = cli(["rebuild"])
    expect(rebuilt.stdout).toMatch(/^rebuilt log_entries: 2, sessions: 0, session_models: 0, session_usage_hourly: 0, inbox_watermarks: 0, memory_files: 0, memory_file_heads: 0, budgets: 0, hive_published: 0, hive_subscriptions: 0\n$/)
    expect(cli(["list", "--json"]).stdout).toBe(before)
  })

  it("lists newest change first and filters by category, status and limit", () => {
    const first = loggedId(cli(["log", "--category", "task", "--title", "first"]))
    cli(["log", "--category", "note", "--title", "second"])
    cli(["log", "--category", "finding", "--title", "third", "--status", "blocked"])
    expect(entries().map((entry) => entry.title)).toEqual(["third", "second", "first"])
    cli(["resolve", "--id", first, "--status", "in_progress"])
    expect(entries().map((entry) => entry.title)).toEqual(["first", "third", "second"])
    const only = (args: ReadonlyArray<string>) =>
      parseJson<ReadonlyArray<EntryJson>>(cli(["list", ...args, "--json"])).map((entry) => entry.title)
    expect(only(["--category", "note"])).toEqual(["second"])
    expect(only(["--status", "blocked"])).toEqual(["third"])
    expect(only(["--limit", "1"])).toEqual(["first"])
  })

  it("attaches the newest transcript of the current project as the session", () => {
    const project = join(home, "code", "my-app")
    mkdirSync(project, { recursive: true })
    const transcripts = join(home, ".claude", "projects", project.replace(/[^A-Za-z0-9]/g, "-"))
    mkdirSync(transcripts, { recursive: true })
    writeFileSync(join(transcripts, "older-session.jsonl"), "{}\n")
    writeFileSync(join(transcripts, "newest-session.jsonl"), "{}\n")
    const past = new Date(Date.now() - 60_000)
    utimesSync(join(transcripts, "older-session.jsonl"), past, past)

    cli(["log", "--category", "note", "--title", "in a session"], "alice", project)
    cli(["log", "--category", "note", "--title", "explicit", "--session-id", "abc-123"], "alice", project)
    cli(["log", "--category", "note", "--title", "no session here"])
    const byTitle = new Map(entries().map((entry) => [entry.title, entry.session_id]))
    expect(byTitle.get("in a session")).toBe("newest-session")
    expect(byTitle.get("explicit")).toBe("abc-123")
    expect(byTitle.get("no session here")).toBeNull()
  })
})

describe("bad input: one clear line, non-zero exit, nothing written", () => {
  it("rejects each and writes no event", () => {
    const existing = loggedId(cli(["log", "--category", "issue", "--title", "Login fails on Safari"]))
    cli(["log", "--category", "issue", "--title", "Login fails on Firefox"])
    const eventsBefore = events().length

    const unknownCategory = cli(["log", "--category", "bug", "--title", "x"])
    expectOneLineError(unknownCategory, /finding, task, decision, issue, note/)
    const unknownStatus = cli(["resolve", "--id", existing, "--status", "done"])
    expectOneLineError(unknownStatus, /open, in_progress, blocked, resolved, info/)
    expectOneLineError(cli(["log", "--category", "issue", "--title", "   "]), /title is empty/)
    expectOneLineError(cli(["resolve", "--title-match", "nothing like it"]), /no entry matches title words "nothing like it"/)
    const ambiguous = cli(["resolve", "--title-match", "login fails"])
    expectOneLineError(ambiguous, /2 entries match .*Safari.*Firefox|2 entries match .*Firefox.*Safari/)
    expectOneLineError(cli(["resolve", "--id", "ZZZZZZZZ"]), /no entry matches id ZZZZZZZZ/)
    expectOneLineError(cli(["show", "ZZZZZZZZ"]), /no entry matches id ZZZZZZZZ/)
    expectOneLineError(cli(["resolve"]), /name the entry/)
    expectOneLineError(cli(["resolve", "--id", existing, "--title-match", "login"]), /not both/)

    expect(events()).toHaveLength(eventsBefore)
    expect(entries().every((entry) => entry.status === "open")).toBe(true)
  })

  it("lists the candidates of an ambiguous short id", () => {
    const ids = [1, 2, 3].map((n) => loggedId(cli(["log", "--category", "task", "--title", `task ${n}`])))
    // All three share their leading timestamp characters, so that prefix matches them all.
    const sharedPrefix = ids[0]!.slice(0, 5)
    const result = cli(["show", sharedPrefix])
    expectOneLineError(result, /3 entries match id/)
    for (const id of ids) expect(result.stderr).toContain(id.slice(-8))
  })
})

describe("inbox across identities on one data dir", () => {
  it("shows bob's resolve to alice once, and never to bob", () => {
    const id = loggedId(cli(["log", "--category", "issue", "--title", "Flaky login test"], "alice"))
    expect(cli(["inbox", "--count"], "alice").stdout).toBe("")
    expect(cli(["resolve", "--id", id.slice(-8)], "bob").status).toBe(0)

    expect(cli(["inbox", "--count"], "alice").stdout).toBe("📬 1 shared issue update(s) — run: claude-session-logger inbox\n")
    expect(cli(["inbox", "--count"], "bob").stdout).toBe("")
    const inbox = cli(["inbox"], "alice")
    expect(inbox.stdout).toContain("Flaky login test")
    expect(inbox.stdout).toContain("bob")
    expect(cli(["inbox", "--count"], "alice").stdout).toBe("")
    expect(cli(["inbox", "--json"], "alice").stdout.trim()).toBe("[]")
    expect(cli(["inbox", "--count"], "bob").stdout).toBe("")

    // The watermark is local-only bookkeeping: an event, but never one of the shared events.
    expect(events().filter((event) => event.type === "InboxWatermarkAdvanced")).toHaveLength(1)
  })
})

describe("session-start commands never fail", () => {
  it("print nothing and exit 0 with no database, and --help still works", () => {
    for (const args of [["recent"], ["recent", "--limit", "5"], ["inbox", "--count"]]) {
      const result = cli(args)
      expect(result).toEqual({ status: 0, stdout: "", stderr: "" })
    }
    expect(cli(["recent", "--json"]).stdout.trim()).toBe("[]")
    expect(readdirSync(home)).toEqual([])
    expect(cli(["recent", "--help"]).stdout).toContain("recent")
  })

  it("print nothing when the snapshot is corrupt", () => {
    cli(["init"])
    writeFileSync(join(home, ".claude", "claude-session-logger", "snapshot.json"), "{not json")
    expect(cli(["recent"])).toEqual({ status: 0, stdout: "", stderr: "" })
    expect(cli(["inbox", "--count"])).toEqual({ status: 0, stdout: "", stderr: "" })
  })

  it("every command has --help and the bin has --version", () => {
    for (const command of [
      "init", "log", "resolve", "list", "show", "recent", "inbox", "events", "rebuild", "record", "process-recordings", "backfill",
      "sessions", "show-session", "sync", "status", "session-start", "setup", "doctor", "summary", "search",
    ]) {
      const result = cli([command, "--help"])
      expect(result.status, command).toBe(0)
      expect(result.stdout, command).toContain(command)
    }
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe("data dir", () => {
  it("honours CLAUDE_LOGGER_HOME", () => {
    const dataDir = join(home, "elsewhere")
    const result = runCli(["init"], { env: userEnv(home, { CLAUDE_LOGGER_HOME: dataDir, CLAUDE_LOGGER_USER: "alice" }) })
    expect(result.stdout).toBe(`initialized ${join(dataDir, "sessions.duckdb")}\n`)
    expect(readdirSync(dataDir)).toContain("sessions.duckdb")
  })

  it("falls back to git's user.name, then to unknown", () => {
    writeFileSync(join(home, ".gitconfig"), "[user]\n\tname = Grace Hopper\n")
    runCli(["log", "--category", "note", "--title", "from git"], { env: userEnv(home) })
    const noGitHome = freshHome()
    runCli(["log", "--category", "note", "--title", "anonymous"], { env: userEnv(noGitHome) })
    expect(parseJson<ReadonlyArray<EntryJson>>(runCli(["list", "--json"], { env: userEnv(home) }))[0]?.updated_by).toBe("Grace Hopper")
    expect(parseJson<ReadonlyArray<EntryJson>>(runCli(["list", "--json"], { env: userEnv(noGitHome) }))[0]?.updated_by).toBe("unknown")
  })
})
