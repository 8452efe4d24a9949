import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "../support/cli.js"
import { fakeCrontab } from "../support/fake-crontab.js"
import { memoryDevice, remoteFile } from "../support/memory-device.js"

interface Settings { readonly hooks: Record<string, ReadonlyArray<{ readonly matcher?: string; readonly hooks: ReadonlyArray<{ readonly command: string; readonly async?: boolean }> }>> }

describe("memory wiring", () => {
  it("setup adds the async PostToolUse memory hook, doctor checks it, --no-memory takes it out, uninstall removes it", () => {
    const alice = memoryDevice("alice", remoteFile())
    // Local only: doctor would also (rightly) flag a remote file no sync has created yet.
    const env: NodeJS.ProcessEnv = { ...alice.env, CLAUDE_LOGGER_CRONTAB: fakeCrontab(alice.home, "").program }
    delete env.CLAUDE_LOGGER_REMOTE
    const settingsFile = join(alice.home, ".claude", "settings.json")
    const settings = () => JSON.parse(readFileSync(settingsFile, "utf8")) as Settings

    const setup = runCli(["setup", "--no-cloud"], { env })
    expect(setup.stdout).toContain("added the SessionStart and SessionEnd hooks and the PostToolUse memory hook to")
    const [group] = settings().hooks.PostToolUse ?? []
    expect(group?.matcher).toBe("Write|Edit")
    expect(group?.hooks[0]).toMatchObject({ async: true, command: expect.stringMatching(/' memory hook # claude-session-logger$/) })
    expect(runCli(["doctor"], { env }).stdout).toContain("✓ PostToolUse hook: installed in")

    const off = runCli(["setup", "--no-cloud", "--no-memory"], { env })
    expect(off.stdout).toContain(`Claude's memory files now stay on this machine ("memory": false in ${join(alice.home, ".claude", "claude-session-logger", "config.json")})`)
    expect(settings().hooks.PostToolUse).toBeUndefined()
    expect(runCli(["doctor"], { env }).stdout).not.toContain("PostToolUse")
    const push = runCli(["memory", "push"], { env })
    expect(push).toMatchObject({ status: 1 })
    expect(push.stderr).toContain('memory sync is off ("memory": false in')

    writeFileSync(join(alice.home, ".claude", "claude-session-logger", "config.json"), "{}\n")
    runCli(["setup", "--no-cloud"], { env })
    expect(settings().hooks.PostToolUse).toHaveLength(1)
    runCli(["setup", "--uninstall", "--yes"], { env })
    expect(settings().hooks.PostToolUse).toBeUndefined()
  }, 60_000)

  it("the session-start banner reports an open memory conflict", () => {
    const remote = remoteFile()
    const alice = memoryDevice("alice", remote)
    const bob = memoryDevice("bob", remote)
    alice.write("a.md", "base\n")
    alice.sync()
    bob.sync()
    alice.write("a.md", "alice\n")
    bob.write("a.md", "bob\n")
    alice.sync()
    bob.sync()
    const banner = runCli(["session-start"], { env: bob.env }).stdout
    expect(banner).toContain(`⚠ 1 memory conflict(s): ${join(bob.memoryDir, "a.conflict-alice.md")} — merge into the memory file, then delete the .conflict copy`)
  }, 60_000)
})
