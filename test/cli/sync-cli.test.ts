import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliPath, type CliResult, freshHome, parseJson, runCli, userEnv } from "../support/cli.js"

interface EntryJson {
  readonly id: string
  readonly title: string
  readonly status: string
  readonly updated_by: string
}

const remoteFile = () => join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")

/** A device: its own HOME (data dir), a person, and optionally a clock offset (via faketime). */
const device = (user: string, remote: string, clockOffset?: string) => {
  const home = freshHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: user, CLAUDE_LOGGER_REMOTE: remote })
  const run = (args: ReadonlyArray<string>): CliResult => {
    if (clockOffset === undefined) return runCli(args, { env })
    const result = spawnSync("faketime", ["-f", clockOffset, process.execPath, cliPath, ...args], { env, cwd: home, encoding: "utf8" })
    if (result.error) throw new Error(`faketime is needed for clock-skew tests (.ci/run installs it): ${result.error.message}`)
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }
  const ok = (args: ReadonlyArray<string>) => {
    const result = run(args)
    expect(result.status, `${user}: ${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  return {
    home,
    run,
    ok,
    list: () => parseJson<ReadonlyArray<EntryJson>>(run(["list", "--all-projects", "--json"])),
    sync: () => ok(["sync"]),
    logged: (title: string) => /id=(\S+)/.exec(ok(["log", "--category", "issue", "--title", title]))?.[1] ?? "",
  }
}

describe("sync through a shared DuckDB file", () => {
  it("alice → remote → bob (an hour behind) and back: causally later changes win on both devices", () => {
    const remote = remoteFile()
    const alice = device("alice", remote)
    const bob = device("bob", remote, "-1h")

    const id = alice.logged("Flaky login test")
    expect(alice.sync()).toBe(`pushed 1, pulled 0 (${remote})\n`)
    expect(bob.sync()).toBe(`pushed 0, pulled 1 (${remote}) (events from up to 60 min ahead of this clock)\n`)

    bob.ok(["resolve", "--id", id.slice(-8), "--note", "fixed the race"])
    bob.sync()
    alice.sync()
    expect(alice.list()[0]).toMatchObject({ status: "resolved", updated_by: "bob" })
    expect(alice.ok(["inbox", "--count"])).toBe("📬 1 shared issue update(s) — run: claude-session-logger inbox\n")

    alice.ok(["resolve", "--id", id, "--status", "open", "--note", "still flaky"])
    alice.sync()
    bob.sync()
    bob.ok(["resolve", "--id", id, "--status", "blocked", "--note", "waiting on CI image"])
    bob.sync()
    alice.sync()

    expect(alice.list()[0]).toMatchObject({ status: "blocked", updated_by: "bob" })
    expect(bob.list()).toEqual(alice.list())
    expect(alice.sync()).toBe(`pushed 0, pulled 0 (${remote})\n`)
  })

  it("concurrent offline changes converge in any sync order; a fresh device pulls back identical tables", () => {
    const remote = remoteFile()
    const alice = device("alice", remote)
    const bob = device("bob", remote)
    const shared = alice.logged("Shared issue")
    alice.sync()
    bob.sync()

    // Both offline: each changes the shared entry and logs one of their own.
    alice.ok(["resolve", "--id", shared, "--status", "in_progress"])
    alice.logged("Alice's own")
    bob.ok(["resolve", "--id", shared, "--status", "blocked"])
    bob.logged("Bob's own")

    bob.sync()
    alice.sync()
    bob.sync()
    expect(alice.list()).toEqual(bob.list())
    expect(alice.list()).toHaveLength(3)
    expect(alice.sync()).toBe(`pushed 0, pulled 0 (${remote})\n`)
    expect(bob.sync()).toBe(`pushed 0, pulled 0 (${remote})\n`)

    const carol = device("carol", remote)
    expect(carol.sync()).toMatch(/^pushed 0, pulled 5 /)
    expect(carol.list()).toEqual(alice.list())
    expect(carol.ok(["events", "--json"])).toBe(alice.ok(["events", "--json"]))
  })
})

describe("offline and failure", () => {
  const token = "md-secret-token-4b1d8a2f9c"

  it("sync to an unreachable md: with a token in the environment: one clear line, non-zero exit, token nowhere", () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", motherduck_token: token })
    runCli(["log", "--category", "note", "--title", "kept locally"], { env })
    const result = runCli(["sync"], { env })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split("\n")).toHaveLength(1)
    expect(result.stderr).toMatch(/cannot reach md:claude_sessions: .*changes stay queued/)
    expect(result.stdout + result.stderr).not.toContain(token)

    const status = runCli(["status", "--json"], { env })
    expect(JSON.parse(status.stdout)).toMatchObject({ remote: "md:claude_sessions", waiting_to_push: 1, last_sync_at: null })
    expect(status.stdout).not.toContain(token)
    expect(parseJson<ReadonlyArray<EntryJson>>(runCli(["list", "--all-projects", "--json"], { env })).map((entry) => entry.title)).toEqual(["kept locally"])

    // Nothing the tool wrote holds the token.
    const files = (dir: string): ReadonlyArray<string> =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? files(path) : [path]
      })
    for (const file of files(home)) expect(readFileSync(file).includes(token), file).toBe(false)
  })

  it("in the background: exit 0, no output, one line in sync.log; local commands unaffected", () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", motherduck_token: token })
    expect(runCli(["sync", "--quiet"], { env })).toEqual({ status: 0, stdout: "", stderr: "" })
    const log = readFileSync(join(home, ".claude", "claude-session-logger", "sync.log"), "utf8")
    expect(log.trim().split("\n")).toHaveLength(1)
    expect(log).toMatch(/cannot reach md:claude_sessions/)
    expect(log).not.toContain(token)
    expect(runCli(["log", "--category", "note", "--title", "still works"], { env }).status).toBe(0)
  })

  it("no remote at all: interactive sync says how to set one, exit 1", () => {
    const result = runCli(["sync"], { env: userEnv(freshHome(), { CLAUDE_LOGGER_USER: "alice" }) })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^claude-session-logger: no remote to sync with: pass --remote PATH/)
  })

  it("--background returns at once and syncs detached; a second sync at the same time exits quietly", async () => {
    const remote = remoteFile()
    const alice = device("alice", remote)
    alice.logged("background")
    const started = Date.now()
    expect(alice.run(["sync", "--background"])).toEqual({ status: 0, stdout: "", stderr: "" })
    expect(Date.now() - started).toBeLessThan(5_000)
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline && alice.ok(["status", "--json"]).includes('"last_sync_at": null')) {
      await new Promise((done) => setTimeout(done, 200))
    }
    expect(JSON.parse(alice.ok(["status", "--json"]))).toMatchObject({ waiting_to_push: 0, last_pushed: 1 })

    // While another live process holds this data dir's sync lock, a second sync leaves at once.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"])
    try {
      writeFileSync(join(alice.home, ".claude", "claude-session-logger", "sync.lock"), String(holder.pid))
      expect(alice.ok(["sync"])).toBe("another sync of this data dir is running\n")
      expect(alice.run(["sync", "--quiet"])).toEqual({ status: 0, stdout: "", stderr: "" })
    } finally {
      holder.kill()
    }
    // A lock left by a dead process does not block syncing forever.
    await new Promise((done) => holder.on("exit", done))
    expect(alice.sync()).toMatch(/^pushed 0, pulled 0 /)
  })
})
