import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freshHome, runCli, userEnv } from "../support/cli.js"
import { fakeCrontab } from "../support/fake-crontab.js"

// The hook commands of claude-session-logger 0.3.45, exactly as its README installs them.
const kickstart = "launchctl kickstart gui/$(id -u)/com.keithfajardo.claude-session-logger.flush"
const recent = { type: "command", command: "python3 -m claude_session_logger.cli recent" }
const inboxCount = { type: "command", command: "python3 -m claude_session_logger.cli inbox --count" }
const memoryPull = { type: "command", command: "python3 -m claude_session_logger.memory pull 2>&1 || true" }
const hiveSync = { type: "command", command: "python3 -m claude_session_logger.hive sync 2>&1 || true" }
const memoryHook = { type: "command", command: "python3 -m claude_session_logger.memory hook 2>/dev/null || true", async: true }

const originalHooks = {
  macOS: {
    SessionStart: [{ hooks: [recent, inboxCount, { type: "command", command: kickstart }, memoryPull, hiveSync] }],
    PostToolUse: [{ matcher: "Write|Edit", hooks: [memoryHook] }],
    SessionEnd: [{ hooks: [{ type: "command", command: `python3 -m claude_session_logger.cli record --no-sync; ${kickstart}` }] }],
  },
  linux: {
    SessionStart: [{ hooks: [recent, inboxCount, memoryPull, hiveSync] }],
    SessionEnd: [{ hooks: [{ type: "command", command: "python3 -m claude_session_logger.cli record --no-sync" }] }],
  },
} as const

const foreignGroups = {
  SessionStart: { matcher: "startup", hooks: [{ type: "command", command: "echo hello", timeout: 5 }] },
  PreToolUse: { matcher: "Bash", hooks: [{ type: "command", command: "/usr/local/bin/guard.sh" }] },
  SessionEnd: { hooks: [{ type: "command", command: "notify-send bye" }] },
}

interface Hook { readonly command: string }
interface Group { readonly matcher?: string; readonly hooks: ReadonlyArray<Hook> }

const originalCron = "*/15 * * * * cd ~ && python3 -m claude_session_logger.cli sync >> ~/.claude/claude-session-logger/sync.log 2>&1\n"

describe("setup replaces the Python version's wiring", () => {
  for (const platform of ["macOS", "linux"] as const) {
    it(`removes its ${platform} hooks (memory and hive ones included), LaunchAgent and crontab line, keeps every foreign hook, and doctor tells`, () => {
      const home = freshHome()
      const claudeDir = join(home, ".claude")
      mkdirSync(claudeDir, { recursive: true })
      const settingsFile = join(claudeDir, "settings.json")
      const hooks = Object.fromEntries(
        Object.entries({ ...originalHooks[platform], PreToolUse: [] }).map(([event, groups]) => [event, [
          ...(foreignGroups[event as keyof typeof foreignGroups] === undefined ? [] : [foreignGroups[event as keyof typeof foreignGroups]]),
          ...groups,
        ]]),
      )
      const original = `${JSON.stringify({ model: "opus", hooks }, null, 2)}\n`
      writeFileSync(settingsFile, original)
      const agent = join(home, "Library", "LaunchAgents", "com.keithfajardo.claude-session-logger.flush.plist")
      mkdirSync(join(home, "Library", "LaunchAgents"), { recursive: true })
      writeFileSync(agent, "<plist/>")
      const cron = fakeCrontab(home, `0 3 * * * /usr/bin/backup.sh\n${originalCron}`)
      const env = userEnv(home, { CLAUDE_LOGGER_CRONTAB: cron.program, CLAUDE_LOGGER_USER: "alice" })

      const before = runCli(["doctor"], { env })
      expect(before.status).toBe(1)
      expect(before.stdout).toMatch(/✗ Python version's wiring: still present: hook "python3 -m claude_session_logger\.cli recent", .*LaunchAgent .*crontab line .* — run `claude-session-logger setup`/)

      const setup = runCli(["setup", "--no-cloud"], { env })
      expect(setup.status, setup.stderr).toBe(0)
      expect(setup.stdout).toContain("hook(s) of the Python version (0.3.45), which ours replace")
      expect(readFileSync(`${settingsFile}.bak`, "utf8")).toBe(original)

      const after = JSON.parse(readFileSync(settingsFile, "utf8")) as { model: string; hooks: Record<string, ReadonlyArray<Group>> }
      const commands = Object.values(after.hooks).flatMap((groups) => groups.flatMap((group) => group.hooks.map((hook) => hook.command)))
      expect(commands.filter((command) => /claude_session_logger\.(cli|memory|hive)|kickstart/.test(command))).toEqual([])
      expect(commands.filter((command) => command.includes("# claude-session-logger")).map((command) => command.split("' ").pop()))
        .toEqual(["session-start # claude-session-logger", "record # claude-session-logger", "memory hook # claude-session-logger"])
      expect(after.model).toBe("opus")
      for (const [event, group] of Object.entries(foreignGroups)) expect(after.hooks[event]?.[0]).toEqual(group)
      expect(after.hooks.PostToolUse?.map((group) => [group.matcher, group.hooks.length])).toEqual([["Write|Edit", 1]])
      expect(existsSync(agent)).toBe(false)
      expect(cron.read()).not.toContain("claude_session_logger")
      expect(cron.read()).toContain("/usr/bin/backup.sh")

      const doctor = runCli(["doctor"], { env })
      expect(doctor.stdout).not.toContain("Python version's wiring")
    }, 60_000)
  }
})
