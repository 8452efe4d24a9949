import { existsSync, rmSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli, runCliAsync } from "../support/cli.js"
import { holdDatabase } from "../support/hold-database.js"
import { memoryDevice, remoteFile } from "../support/memory-device.js"

const dataDirOf = (home: string) => join(home, ".claude", "claude-session-logger")

describe("memory search from the memory index", () => {
  it("prints exactly what the full CLI prints, as text and JSON, for a project on this machine and one only in the store", async () => {
    const remote = remoteFile()
    const alice = memoryDevice("alice", remote)
    alice.write("build.md", "# Build\nUse PNPM\nrun tests\n")
    alice.write("build-ci.md", "ci uses pnpm too — ünïcode ✓\r\nno newline at end")
    alice.write("ünïcode-notes.md", "ÜNÏCODE matters\n\x1b[31mred\x1b[0m pnpm\n")
    alice.sync()
    // Bob never opened the project: its memory is only in his store.
    const bob = memoryDevice("bob", remote, { opened: false })
    bob.sync()

    const searches: ReadonlyArray<readonly [typeof alice, ReadonlyArray<string>]> = [
      [alice, ["search", "pnpm"]],
      [alice, ["search", "PNPM", "--json"]],
      [alice, ["search", "ünïcode", "--full"]],
      [alice, ["search", "tests", "--full", "--json"]],
      [alice, ["search", "pnpm", "--all-projects"]],
      [alice, ["search", "nothing-like-this"]],
      [bob, ["search", "pnpm", "--project-key", "shop"]],
      [bob, ["search", "pnpm", "--all-projects", "--json"]],
    ]
    for (const [device, args] of searches) {
      const indexPath = join(dataDirOf(device.home), "memory-index.bin")
      rmSync(indexPath, { force: true }) // the launcher cannot answer: the full CLI reads the store and writes the index
      const fromStore = device.run(args)
      expect(fromStore.status, fromStore.stderr).toBe(0)
      expect(existsSync(indexPath)).toBe(true)
      expect(device.run(args), args.join(" ")).toEqual(fromStore)
    }
    expect(alice.ok(["search", "pnpm"])).toBe("build-ci.md:1: ci uses pnpm too — ünïcode ✓ \nbuild.md:2: Use PNPM\nünïcode-notes.md:2: ␛[31mred␛[0m pnpm\n")
    expect(bob.ok(["search", "PNPM", "--project-key", "shop"])).toContain("build.md:2: Use PNPM")

    // The index answers while another process holds the database, which the full CLI would wait for.
    const expected = alice.ok(["search", "pnpm", "--json"])
    const holder = await holdDatabase(join(dataDirOf(alice.home), "sessions.duckdb"), 5_000)
    const started = Date.now()
    const held = await runCliAsync(["memory", "search", "pnpm", "--json"], { env: alice.env, cwd: alice.repo })
    const tookMs = Date.now() - started
    await holder.released
    expect(held).toEqual({ status: 0, stdout: expected, stderr: "" })
    expect(tookMs).toBeLessThan(4_000)
  }, 120_000)

  it("is not used once the store holds events it was not built from, even events that sort before the newest", () => {
    const remote = remoteFile()
    const alice = memoryDevice("alice", remote)
    const bob = memoryDevice("bob", remote)
    alice.write("early.md", "the early bird note\n")
    alice.ok(["push"]) // an event older than anything bob makes next
    bob.write("late.md", "a late note\n")
    bob.sync()
    expect(bob.ok(["search", "note"])).toBe("late.md:1: a late note\n") // builds bob's index
    alice.sync()
    // A plain sync pulls alice's older event: bob's newest event id stays the same.
    expect(runCli(["sync"], { env: bob.env, cwd: bob.repo }).status).toBe(0)
    expect(bob.ok(["search", "note"])).toBe("early.md:1: the early bird note\nlate.md:1: a late note\n")
  }, 120_000)
})
