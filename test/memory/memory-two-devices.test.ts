import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliPath } from "../support/cli.js"
import { eventually } from "../support/eventually.js"
import { memoryDevice, remoteFile } from "../support/memory-device.js"

interface StatusJson {
  readonly waiting_to_push: ReadonlyArray<{ readonly path: string }>
  readonly conflicts: ReadonlyArray<{ readonly file: string; readonly conflict_copy: string; readonly from: string }>
}

const hookInput = (filePath: string) => JSON.stringify({ hook_event_name: "PostToolUse", tool_name: "Write", tool_input: { file_path: filePath, content: "…" } })

describe("memory files follow the user across machines (file remote)", () => {
  it("written on A and reported by the hook, appears byte-identical on B in B's own slug; edits, conflicts, deletions and a fresh device", async () => {
    const remote = remoteFile()
    const alice = memoryDevice("alice", remote)
    const laptop = memoryDevice("bob", remote)
    expect(alice.slugDir).not.toBe(laptop.slugDir)

    // Written on A, reported by the hook, which queues it and pushes in the background.
    const content = Buffer.from("# Build\n\n- use `pnpm`, never npm — ünïcode ✓\r\nno newline at end")
    const path = alice.write("build.md", content)
    const hook = alice.run(["hook"], hookInput(path))
    expect(hook).toMatchObject({ status: 0, stdout: "", stderr: "" })
    const queue = join(alice.home, ".claude", "claude-session-logger", "memory-queue")
    expect(existsSync(queue)).toBe(true)
    await eventually(() => readdirSync(queue).length, (left) => left === 0, 20_000)
    const afterHook = JSON.parse(alice.ok(["status", "--json"])) as StatusJson
    expect(afterHook.waiting_to_push).toEqual([])

    alice.sync()
    laptop.sync()
    expect(laptop.read("build.md")).toEqual(content)

    // An edit on B comes back to A.
    laptop.write("build.md", "# Build\n\nuse pnpm 9\n")
    laptop.sync()
    alice.sync()
    expect(alice.read("build.md")?.toString()).toBe("# Build\n\nuse pnpm 9\n")

    // Concurrent edits: neither is lost.
    alice.write("build.md", "alice's version\n")
    laptop.write("build.md", "bob's version\n")
    alice.sync()
    const bobSync = laptop.sync()
    expect(laptop.read("build.md")?.toString()).toBe("bob's version\n")
    expect(laptop.read("build.conflict-alice.md")?.toString()).toBe("alice's version\n")
    expect(bobSync).toContain("build.conflict-alice.md")
    alice.sync()
    expect(alice.read("build.md")?.toString()).toBe("alice's version\n")
    const bobStatus = JSON.parse(laptop.ok(["status", "--json"])) as StatusJson
    expect(bobStatus.conflicts).toEqual([{ file: join(laptop.memoryDir, "build.md"), conflict_copy: join(laptop.memoryDir, "build.conflict-alice.md"), from: "alice" }])
    expect(laptop.ok(["status"])).toContain("build.conflict-alice.md (from alice)")
    const events = spawnSync(process.execPath, [cliPath, "events", "--type", "MemoryFileWritten", "--json"], { env: laptop.env, encoding: "utf8" })
    expect(events.stdout).toContain("alice's version")
    expect(events.stdout).toContain("bob's version")

    // Bob merges and removes the conflict copy: resolved everywhere, A takes the merge.
    laptop.write("build.md", "merged: alice + bob\n")
    unlinkSync(join(laptop.memoryDir, "build.conflict-alice.md"))
    laptop.sync()
    expect((JSON.parse(laptop.ok(["status", "--json"])) as StatusJson).conflicts).toEqual([])
    alice.sync()
    for (const copy of alice.files().filter((name) => name.includes(".conflict-"))) unlinkSync(join(alice.memoryDir, copy))
    alice.sync()
    expect(alice.read("build.md")?.toString()).toBe("merged: alice + bob\n")

    // A deletion propagates.
    alice.write("old.md", "stale\n")
    alice.sync()
    laptop.sync()
    expect(laptop.read("old.md")?.toString()).toBe("stale\n")
    unlinkSync(join(alice.memoryDir, "old.md"))
    alice.sync()
    laptop.sync()
    expect(laptop.files()).not.toContain("old.md")

    // A third, fresh device restores every file of the projects it has.
    const fresh = memoryDevice("carol", remote)
    fresh.sync()
    expect(fresh.files()).toEqual(["build.md"])
    expect(fresh.read("build.md")?.toString()).toBe("merged: alice + bob\n")
  }, 120_000)
})
