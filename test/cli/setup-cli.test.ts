import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { fakeCrontab } from "../support/fake-crontab.js"
import { assistant, userPrompt, writeLines } from "../support/transcript-builder.js"

const foreignSettings = {
  model: "opus",
  permissions: { allow: ["Bash(npm test:*)"], deny: ["Read(.env)"] },
  hooks: {
    SessionStart: [{ matcher: "startup", hooks: [{ type: "command", command: "echo hello", timeout: 5 }] }],
    PreToolUse: [
      { matcher: "Bash", hooks: [{ type: "command", command: "/usr/local/bin/guard.sh" }] },
      { matcher: "Edit|Write", hooks: [{ type: "command", command: "npx prettier --write", timeout: 30 }] },
    ],
    SessionEnd: [{ hooks: [{ type: "command", command: "notify-send bye" }] }],
    Stop: [{ matcher: "", hooks: [] }],
  },
  statusLine: { type: "command", command: "~/.claude/statusline.sh" },
}

let home: string
let settingsFile: string
let env: NodeJS.ProcessEnv
const cli = (args: ReadonlyArray<string>, input?: string) => runCli(args, input === undefined ? { env } : { env, input })
const crontab = () => (existsSync(join(home, "crontab.txt")) ? readFileSync(join(home, "crontab.txt"), "utf8") : "")
const settings = () => JSON.parse(readFileSync(settingsFile, "utf8")) as { hooks: Record<string, ReadonlyArray<{ hooks: ReadonlyArray<{ command: string }> }>> }
const ownCommand = (event: string) =>
  settings().hooks[event]!.flatMap((group) => group.hooks).find((hook) => hook.command.includes("# claude-session-logger"))!.command

beforeEach(() => {
  home = freshHome()
  settingsFile = join(home, ".claude", "settings.json")
  mkdirSync(join(home, ".claude"), { recursive: true })
  writeFileSync(settingsFile, `${JSON.stringify(foreignSettings, null, 2)}\n`)
  const fake = fakeCrontab(home, "0 3 * * * /usr/bin/backup.sh\n")
  env = userEnv(home, { CLAUDE_LOGGER_CRONTAB: fake.program, CLAUDE_LOGGER_USER: "alice" })
})

describe("setup", () => {
  it("adds its hooks and cron line once, keeps everything foreign exactly, backs up, and a second run changes nothing", () => {
    const original = readFileSync(settingsFile, "utf8")
    const first = cli(["setup", "--no-cloud"])
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain("added the SessionStart and SessionEnd hooks")
    expect(readFileSync(`${settingsFile}.bak`, "utf8")).toBe(original)

    const { hooks, ...others } = settings()
    const { hooks: originalHooks, ...originalOthers } = foreignSettings
    expect(others).toEqual(originalOthers)
    const withoutOurs = Object.fromEntries(Object.entries(hooks).map(([event, groups]) => [
      event,
      groups.filter((group) => !group.hooks.some((hook) => hook.command.includes("# claude-session-logger"))),
    ] as const).filter(([event, groups]) => groups.length > 0 || event in originalHooks))
    expect(withoutOurs).toEqual(originalHooks)
    expect(ownCommand("SessionStart")).toMatch(/^CLAUDE_LOGGER_USER='alice' '\/.*node' '\/.*\/dist\/cli\.cjs' session-start # claude-session-logger$/)
    expect(ownCommand("SessionEnd")).toMatch(/' record # claude-session-logger$/)
    expect(crontab().split("\n").filter((line) => line.includes("claude-session-logger"))).toHaveLength(1)
    expect(crontab()).toMatch(/^0 3 \* \* \* \/usr\/bin\/backup\.sh\n\*\/15 \* \* \* \* .* sync --quiet # claude-session-logger\n$/)

    const afterFirst = readFileSync(settingsFile)
    const cronAfterFirst = crontab()
    const second = cli(["setup", "--no-cloud"])
    expect(second.stdout).toMatch(/^nothing changed: already set up\n/)
    expect(readFileSync(settingsFile).equals(afterFirst)).toBe(true)
    expect(crontab()).toBe(cronAfterFirst)
  })

  it("the hooks it wrote work as Claude Code runs them: sh -c, a minimal environment, hook JSON on stdin", async () => {
    cli(["setup", "--no-cloud"])
    const session = { sessionId: "9d1e2f30-0000-4000-8000-0000000000aa", cwd: join(home, "code", "shop") }
    const transcript = join(home, ".claude", "projects", session.cwd.replace(/[^A-Za-z0-9]/g, "-"), `${session.sessionId}.jsonl`)
    writeLines(transcript, [
      userPrompt(session, "Ship the coupon feature", "2026-11-20T10:00:00.000Z"),
      assistant(session, { messageId: "msg_1", usage: { input: 100, output: 50 }, timestamp: "2026-11-20T10:03:00.000Z" }),
    ])
    const minimal = { HOME: home, PATH: "/nonexistent" }
    const runHook = (event: string, input: string) => {
      const start = process.hrtime.bigint()
      const result = spawnSync("/bin/sh", ["-c", ownCommand(event)], { env: minimal, input, encoding: "utf8", cwd: session.cwd.replace(/\/code\/shop$/, "") })
      return { ...result, ms: Number(process.hrtime.bigint() - start) / 1e6 }
    }

    const end = runHook("SessionEnd", JSON.stringify({
      session_id: session.sessionId, transcript_path: transcript, cwd: session.cwd, hook_event_name: "SessionEnd", reason: "logout",
    }))
    expect(end.status).toBe(0)
    expect(end.stdout + end.stderr).toBe("")
    expect(end.ms).toBeLessThan(1_500)
    let titles: ReadonlyArray<string | null> = []
    for (const deadline = Date.now() + 8_000; Date.now() < deadline && titles.length === 0;) {
      titles = parseJson<ReadonlyArray<{ readonly title: string | null }>>(cli(["sessions", "--json"])).map((row) => row.title)
      await new Promise((done) => setTimeout(done, 150))
    }
    expect(titles).toEqual(["Ship the coupon feature"])

    const start = runHook("SessionStart", JSON.stringify({ session_id: "next", transcript_path: "/x", cwd: session.cwd, hook_event_name: "SessionStart", source: "startup" }))
    expect(start.status).toBe(0)
    expect(start.stdout).toMatch(/^Recent sessions \(claude-session-logger\):\n- 2026-11-20 10:03 · shop · Ship the coupon feature · 3 min · 150 tokens · \$0\.00\n$/)
  })

  it("doctor reports every check and passes once set up", () => {
    const before = cli(["doctor"])
    expect(before.status).toBe(1)
    expect(before.stdout).toMatch(/✗ SessionStart hook: not in .* — run `claude-session-logger setup`/)
    cli(["setup", "--no-cloud"])
    const after = cli(["doctor", "--json"])
    expect(after.status, after.stdout).toBe(0)
    expect(parseJson<ReadonlyArray<{ readonly name: string }>>(after).map((check) => check.name)).toEqual([
      "SessionStart hook", "SessionEnd hook", "PostToolUse hook", "database", "data dir", "queues", "MotherDuck token", "background sync", "remote", "last sync",
    ])
  })

  it("doctor does not take a hook's remote file that sync has not created yet for a missing program", () => {
    const remote = join(home, "team", "shared.duckdb")
    const withRemote = { ...env, CLAUDE_LOGGER_REMOTE: remote }
    expect(runCli(["setup", "--no-cloud"], { env: withRemote }).status).toBe(0)
    expect(ownCommand("SessionStart")).toContain(remote)
    // doctor exits 1 here (nothing synced yet); its hook checks are what this is about.
    const checks = JSON.parse(runCli(["doctor", "--json"], { env: withRemote }).stdout) as ReadonlyArray<{ readonly name: string; readonly ok: boolean; readonly detail: string }>
    expect(checks.filter((check) => check.name.endsWith(" hook"))).toEqual(
      ["SessionStart", "SessionEnd", "PostToolUse"].map((event) => ({ name: `${event} hook`, ok: true, detail: `installed in ${settingsFile}` })),
    )
  })

  it("uninstall restores the original hooks, removes its cron line, the token file and the local data", () => {
    const token = "md-token-for-uninstall-test-9f8e7d"
    expect(cli(["setup", "--token-stdin"], token).status).toBe(0)
    const tokenFile = join(home, ".config", "motherduck", "token")
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(tokenFile, "utf8").trim()).toBe(token)

    expect(cli(["setup", "--uninstall"]).stderr).toMatch(/pass --yes/)
    const removed = cli(["setup", "--uninstall", "--yes"])
    expect(removed.status).toBe(0)
    expect(removed.stdout).toContain("The remote copy (md:claude_sessions) is untouched")
    expect(removed.stdout + removed.stderr).not.toContain(token)
    expect(settings().hooks).toEqual(foreignSettings.hooks)
    expect(crontab()).toBe("0 3 * * * /usr/bin/backup.sh\n")
    expect(existsSync(tokenFile)).toBe(false)
    expect(existsSync(join(home, ".claude", "claude-session-logger"))).toBe(false)
  })

  it("without cron on the machine it still sets up the hooks, and says so", () => {
    const result = runCli(["setup", "--no-cloud"], { env: { ...env, CLAUDE_LOGGER_CRONTAB: join(home, "no-such-crontab") } })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("added the SessionStart and SessionEnd hooks")
    expect(result.stdout).toMatch(/background sync not scheduled: could not update the crontab .* \(install cron and run setup again\)/)
  })

  it("an invalid settings.json aborts with one clear line and changes nothing", () => {
    writeFileSync(settingsFile, '{ "hooks": { oops')
    const result = cli(["setup", "--no-cloud"])
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toMatch(/^claude-session-logger: .*settings\.json is not valid JSON .*nothing was changed$/)
    expect(readFileSync(settingsFile, "utf8")).toBe('{ "hooks": { oops')
    expect(crontab()).toBe("0 3 * * * /usr/bin/backup.sh\n")
    expect(existsSync(join(home, ".claude", "claude-session-logger"))).toBe(false)
  })
})
