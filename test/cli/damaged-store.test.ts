import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { type CliResult, freshHome, parseJson, runCli, runCliAsync, userEnv } from "../support/cli.js"

let home: string
let dataDir: string
let database: string
const env = (extra: Readonly<Record<string, string>> = {}) => userEnv(home, { CLAUDE_LOGGER_USER: "alice", ...extra })
const cli = (args: ReadonlyArray<string>, extra: Readonly<Record<string, string>> = {}) => runCli(args, { env: env(extra) })
const ok = (args: ReadonlyArray<string>, extra: Readonly<Record<string, string>> = {}) => {
  const result = cli(args, extra)
  expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(0)
  return result.stdout
}
const titles = () => parseJson<ReadonlyArray<{ title: string }>>(cli(["list", "--json"])).map((entry) => entry.title).sort()
const backups = () => readdirSync(join(dataDir, "backups")).filter((name) => name.endsWith(".parquet"))

const expectRecoverHint = (result: CliResult) => {
  expect(result.status).toBe(1)
  const lines = result.stderr.split("\n").filter((line) => line !== "")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/is damaged \(.*\); run `claude-session-logger recover`/)
}

beforeEach(() => {
  home = freshHome()
  dataDir = join(home, ".claude", "claude-session-logger")
  database = join(dataDir, "sessions.duckdb")
})

describe("a damaged sessions.duckdb", () => {
  it("truncated, no remote: commands point at recover, doctor runs every check, recover brings the notes back from the backup", () => {
    // Stored before the damage, each by its own command (not left in the spool for a detached store).
    ok(["log", "--category", "issue", "--title", "Flaky login test"], { CLAUDE_LOGGER_FULL_CLI: "1" })
    ok(["log", "--category", "decision", "--title", "Keep notes as events"], { CLAUDE_LOGGER_FULL_CLI: "1" })
    truncateSync(database, 100_000)

    expectRecoverHint(cli(["list"]))
    expectRecoverHint(cli(["log", "--category", "note", "--title", "after the damage"]))
    expectRecoverHint(cli(["rebuild"]))

    const doctor = cli(["doctor"])
    expect(doctor.status).toBe(1)
    expect(doctor.stdout).toMatch(/✗ database: .*sessions\.duckdb is damaged \(.*\) — run `claude-session-logger recover`/)
    for (const check of ["queues", "MotherDuck token", "remote", "last sync"]) expect(doctor.stdout).toContain(`${check}:`)

    const recovered = ok(["recover"])
    expect(recovered).toMatch(/^recover: set .*sessions\.duckdb aside as .*sessions\.duckdb\.damaged-\d{8}T\d{6}Z \(kept; nothing was read from it\)$/m)
    expect(recovered).toMatch(/^ {2}• backup: 2 event\(s\) from .*events-.*\.parquet$/m)
    expect(recovered).toContain("  • remote: none configured")
    expect(recovered).toMatch(/^not recovered: changes made on this device after .* \(the backup's newest event\); sessions whose transcripts are gone/m)
    expect(titles()).toEqual(["Flaky login test", "Keep notes as events"])
    const aside = readdirSync(dataDir).filter((name) => name.startsWith("sessions.duckdb.damaged-"))
    expect(aside).toHaveLength(1)
    expect(statSync(join(dataDir, aside[0] ?? "")).size).toBe(100_000)

    expect(ok(["recover"])).toBe(`nothing to recover: ${database} opens\n`)
    const checks = JSON.parse(cli(["doctor", "--json"]).stdout) as ReadonlyArray<{ name: string; ok: boolean }>
    expect(checks.find((check) => check.name === "database")?.ok).toBe(true)
  })

  it("random bytes, with a remote and a spooled event: recover pulls everything back and ingests the spool", () => {
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    ok(["log", "--category", "issue", "--title", "Synced before the damage"])
    ok(["sync", "--remote", remote])
    writeFileSync(database, Buffer.alloc(300_000, 0xab))
    rmSync(join(dataDir, "backups"), { recursive: true })
    const spooled = {
      id: "01M8NGS8BFZ0V9NAM5H7C57H99",
      type: "EntryLogged",
      version: 1,
      entityId: "01M8NGS8BFZ0V9NAM5H7C57H99",
      deviceId: "d",
      actor: "alice",
      recordedAt: "2026-11-30T06:00:00.000Z",
      payload: { entryId: "01M8NGS8BFZ0V9NAM5H7C57H99", category: "note", status: "info", title: "Waiting in the spool", body: "", sessionId: null, project: null },
    }
    mkdirSync(join(dataDir, "spool"), { recursive: true })
    writeFileSync(join(dataDir, "spool", `${spooled.id}.json`), JSON.stringify(spooled))

    expectRecoverHint(cli(["events"]))
    const recovered = ok(["recover"], { CLAUDE_LOGGER_REMOTE: remote })
    expect(recovered).toContain("  • backup: none found")
    expect(recovered).toContain("  • spool: 1 event(s)")
    expect(recovered).toContain(`  • remote: pulled 1 event(s) from ${remote}`)
    expect(recovered).toMatch(/not recovered: notes and changes made on this device that never reached the remote/)
    expect(titles()).toEqual(["Synced before the damage", "Waiting in the spool"])
  })

  it("two recovers at once: one rebuilds, the other waits its turn or finds the store whole; one file is set aside", async () => {
    ok(["log", "--category", "issue", "--title", "Kept through two recovers"], { CLAUDE_LOGGER_FULL_CLI: "1" })
    truncateSync(database, 100_000)
    const results = await Promise.all([runCliAsync(["recover"], { env: env() }), runCliAsync(["recover"], { env: env() })])
    for (const result of results) {
      if (result.status !== 0) expect(result.stderr).toBe("claude-session-logger: another recover of this data dir is running; wait for it to finish\n")
    }
    expect(results.some((result) => result.status === 0 && result.stdout.startsWith("recover: set "))).toBe(true)
    expect(readdirSync(dataDir).filter((name) => name.startsWith("sessions.duckdb.damaged-"))).toHaveLength(1)
    expect(titles()).toEqual(["Kept through two recovers"])
  })

  it("recover refuses while another holds its lock, and leaves the damaged store where it is", () => {
    ok(["log", "--category", "issue", "--title", "Still damaged"], { CLAUDE_LOGGER_FULL_CLI: "1" })
    truncateSync(database, 100_000)
    writeFileSync(`${dataDir}.recover.lock`, String(process.pid))
    const result = cli(["recover"])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe("claude-session-logger: another recover of this data dir is running; wait for it to finish\n")
    expect(statSync(database).size).toBe(100_000)
    rmSync(`${dataDir}.recover.lock`)
  })

  it("the data dir is a file: every command says so in one line; recover sets it aside and starts afresh", () => {
    mkdirSync(join(home, ".claude"), { recursive: true })
    writeFileSync(dataDir, "not a folder")
    expectRecoverHint(cli(["list"]))
    expectRecoverHint(cli(["log", "--category", "note", "--title", "x"]))
    const doctor = cli(["doctor"])
    expect(doctor.stdout).toMatch(/✗ database: .*claude-session-logger is damaged \(a file is where the data dir should be\)/)
    expect(doctor.stdout).toContain("queues:")

    expect(ok(["recover"])).toMatch(/^recover: set .*claude-session-logger aside as .*claude-session-logger\.damaged-/)
    expect(readFileSync(`${dataDir}.damaged-${readdirSync(join(home, ".claude")).find((name) => name.includes(".damaged-"))?.split(".damaged-")[1]}`, "utf8"))
      .toBe("not a folder")
    ok(["log", "--category", "note", "--title", "fresh start"])
    expect(titles()).toEqual(["fresh start"])
  })
})

describe("the event-log backup", () => {
  it("a new generation only when the log changed, the newest three kept, private to the user", () => {
    ok(["log", "--category", "note", "--title", "one"])
    expect(backups()).toHaveLength(1)
    ok(["list"])
    ok(["rebuild"])
    expect(backups()).toHaveLength(1)
    // Each stored by its own command (the light path would leave them to one detached store, later).
    for (const title of ["two", "three", "four"]) ok(["log", "--category", "note", "--title", title], { CLAUDE_LOGGER_FULL_CLI: "1" })
    const kept = backups()
    expect(kept).toHaveLength(3)
    expect(kept.some((name) => name.endsWith("-4.parquet"))).toBe(true)
    expect(kept.some((name) => name.endsWith("-1.parquet"))).toBe(false)
    expect(statSync(join(dataDir, "backups", kept[0] ?? "")).mode & 0o777).toBe(0o600)
  })
})

describe("reading does not write", () => {
  const fingerprint = () => {
    const stats = statSync(database)
    return { mtime: stats.mtimeMs, hash: createHash("sha256").update(readFileSync(database)).digest("hex") }
  }

  it("list, show, events, sessions, summary, status and doctor leave the database file untouched", () => {
    const id = /id=(\S+)/.exec(ok(["log", "--category", "note", "--title", "kept"]))?.[1] ?? ""
    const before = fingerprint()
    for (const args of [["list"], ["show", id], ["events"], ["sessions"], ["show-session", "nope"], ["summary"], ["status"], ["doctor"]]) {
      cli(args)
      expect(fingerprint(), args.join(" ")).toEqual(before)
      expect(existsSync(`${database}.wal`), args.join(" ")).toBe(false)
    }
  })

  // A real full disk needs a small tmpfs, which only root can mount: elsewhere this one is skipped.
  it("on a full disk, list, events and doctor still read the store", (context) => {
    const smallDisk = mkdtempSync(join(tmpdir(), "csl-full-"))
    if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", smallDisk]).status !== 0) return context.skip()
    try {
      home = smallDisk
      dataDir = join(home, ".claude", "claude-session-logger")
      ok(["log", "--category", "note", "--title", "written before the disk filled"])
      spawnSync("dd", ["if=/dev/zero", `of=${join(smallDisk, "fill")}`, "bs=1M", "count=20"])
      expect(ok(["list"])).toContain("written before the disk filled")
      expect(ok(["events"])).toContain("EntryLogged")
      expect(cli(["doctor"]).stdout).toMatch(/✓ database: opens/)

      for (const light of [true, false]) {
        const refused = cli(["log", "--category", "note", "--title", "written on a full disk"], light ? {} : { CLAUDE_LOGGER_FULL_CLI: "1" })
        expect(refused.status).toBe(1)
        expect(refused.stderr).toBe(`claude-session-logger: the disk holding ${join(dataDir, "sessions.duckdb")} is full: nothing was written; free some space and run the command again\n`)
      }
      const leftovers = (dir: string): ReadonlyArray<string> =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? leftovers(join(dir, entry.name)) : entry.name.endsWith(".tmp") ? [entry.name] : []))
      expect(leftovers(dataDir)).toEqual([])
      rmSync(join(smallDisk, "fill"))
      ok(["log", "--category", "note", "--title", "written once there was room"], { CLAUDE_LOGGER_FULL_CLI: "1" })
      expect(titles()).toEqual(["written before the disk filled", "written once there was room"])
    } finally {
      spawnSync("umount", [smallDisk])
    }
  })

  it("with no store yet, reading commands answer as for an empty one without creating it", () => {
    expect(ok(["list"])).toBe("No entries.\n")
    expect(ok(["events"])).toBe("No events.\n")
    expect(ok(["sessions", "--json"])).toBe("[]\n")
    expect(existsSync(join(home, ".claude"))).toBe(false)
  })

  it("a snapshot that cannot be written leaves no temp file behind", () => {
    mkdirSync(join(dataDir, "snapshot.json"), { recursive: true })
    ok(["log", "--category", "note", "--title", "kept"])
    expect(readdirSync(dataDir).filter((name) => name.endsWith(".tmp"))).toEqual([])
  })
})

describe("file modes", () => {
  it("the data dir is 700 and the files in it 600", () => {
    ok(["log", "--category", "note", "--title", "private"])
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    for (const name of ["sessions.duckdb", "snapshot.json", "entries-read-model.jsonl", "store-closed.stamp", "device-id"]) {
      expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600)
    }
  })

  it("so are the folders and files the launcher's fast paths create: the spool, the hook queue, the rate-limit history", () => {
    ok(["log", "--category", "note", "--title", "first, by the full CLI"])
    ok(["log", "--category", "note", "--title", "second, queued by the light path"])
    const hook = { session_id: "a0000000-0000-4000-8000-000000000001", transcript_path: join(home, "nowhere.jsonl"), cwd: home, hook_event_name: "SessionEnd" }
    expect(runCli(["record"], { env: env(), input: JSON.stringify(hook) }).status).toBe(0)
    const statusInput = { session_id: hook.session_id, model: { display_name: "Opus" }, rate_limits: { five_hour: { used_percentage: 12, resets_at: 1_800_000_000 } } }
    expect(runCli(["statusline"], { env: env(), input: JSON.stringify(statusInput) }).status).toBe(0)
    const walk = (dir: string): ReadonlyArray<string> =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [join(dir, entry.name), ...walk(join(dir, entry.name))] : [join(dir, entry.name)]))
    const made = walk(dataDir)
    expect(made.map((path) => path.slice(dataDir.length + 1))).toEqual(expect.arrayContaining(["spool", "pending", "rate-limits.jsonl"]))
    // A detached store may ingest a spool file while this looks: a file gone is no open file.
    const open = made.filter((path) => ((statSync(path, { throwIfNoEntry: false })?.mode ?? 0) & 0o077) !== 0)
    expect(open).toEqual([])
  })
})
