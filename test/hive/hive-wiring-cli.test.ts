import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "../support/cli.js"
import { eventually } from "../support/eventually.js"
import { fakeCrontab } from "../support/fake-crontab.js"
import { hiveUser, hiveWorld } from "../support/hive-user.js"

describe("hive wiring", () => {
  it("session start syncs the hive in the background; a dead hive is a line in the log, never a failed hook", async () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    alice.writeMemory("build.md", "# Build\n")
    alice.hiveOk(["publish", "build"])
    bob.hiveOk(["subscribe", alice.url])
    bob.hiveOk(["subscribe", join(world, "gone", "nobody.duckdb")])
    const start = bob.cli(["session-start"])
    expect(start).toMatchObject({ status: 0, stderr: "" })
    expect(await eventually(() => bob.hiveFiles(), (files) => files.includes("shop/build.md"), 20_000)).toContain("shop/build.md")
    const log = join(bob.home, ".claude", "claude-session-logger", "claude-session-logger.log")
    const logged = await eventually(() => (existsSync(log) ? readFileSync(log, "utf8") : ""), (text) => text.includes("nobody.duckdb"), 20_000)
    expect(logged).toMatch(/hive: cannot reach .*nobody\.duckdb: .*; trying again on the next sync/)
  })

  it("a new device of a subscriber learns the subscription through sync, and its first session start fetches the files", async () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const remote = join(world, "bob-remote.duckdb")
    // Bob only subscribes: no hive of his own named anywhere.
    const subscriberOnly = { CLAUDE_HIVE: "", CLAUDE_LOGGER_REMOTE: remote }
    const laptop = hiveUser(world, "bob", { env: subscriberOnly })
    const desktop = hiveUser(hiveWorld(), "bob", { env: subscriberOnly })
    alice.writeMemory("build.md", "# Build\n")
    alice.hiveOk(["publish", "build"])
    laptop.hiveOk(["subscribe", alice.url])
    laptop.cliOk(["sync"])
    desktop.cliOk(["sync"])
    expect(desktop.hiveFiles()).toEqual([])
    expect(desktop.cli(["session-start"])).toMatchObject({ status: 0, stderr: "" })
    expect(await eventually(() => desktop.hiveFiles(), (files) => files.includes("shop/build.md"), 20_000)).toContain("shop/build.md")
  })

  it("doctor checks each subscription; uninstall removes the copies and the import line, keeps the rest of CLAUDE.md, and says how to drop the hive", () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    const env = { ...bob.env, CLAUDE_LOGGER_CRONTAB: fakeCrontab(bob.home, "").program }
    alice.writeMemory("build.md", "# Build\n")
    alice.hiveOk(["publish", "build"])
    bob.hiveOk(["subscribe", alice.url])
    bob.hiveOk(["subscribe", join(world, "gone", "nobody.duckdb")])
    writeFileSync(join(bob.home, ".claude", "CLAUDE.md"), "# mine\n")
    bob.hive(["sync"])
    expect(readFileSync(join(bob.home, ".claude", "CLAUDE.md"), "utf8")).toBe("# mine\n@hive/HIVE.md\n")

    const doctor = bob.cli(["doctor"])
    expect(doctor.stdout).toContain(`✓ hive subscription: ${alice.url} reachable (1 project(s))`)
    expect(doctor.stdout).toMatch(/✗ hive subscription: cannot reach the hive .*nobody\.duckdb/)

    const uninstall = runCli(["setup", "--uninstall", "--yes"], { env, cwd: bob.repo })
    expect(uninstall.status).toBe(0)
    expect(uninstall.stdout).toContain(`removed ${bob.hiveDir} (the copies of teammates' memory)`)
    expect(uninstall.stdout).toContain(`Your hive (${bob.url}) is untouched; teammates can still read it. To drop it, delete that file.`)
    expect(existsSync(bob.hiveDir)).toBe(false)
    expect(readFileSync(join(bob.home, ".claude", "CLAUDE.md"), "utf8")).toBe("# mine\n")
  })
})
