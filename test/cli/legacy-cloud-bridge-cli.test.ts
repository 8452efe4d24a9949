import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { EntryView } from "../../src/entries/entry-queries.js"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { changeLegacyEntry, legacyData, legacyTableContents, writeLegacyStore } from "../support/legacy-store.js"


const device = (user: string, remote: string) => {
  const env = userEnv(freshHome(), { CLAUDE_LOGGER_USER: user, CLAUDE_LOGGER_REMOTE: remote })
  const ok = (args: ReadonlyArray<string>) => {
    const result = runCli(args, { env })
    expect(result.status, `${user}: ${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  return { ok, list: () => parseJson<ReadonlyArray<EntryView>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env })) }
}

describe("the cloud tables of the Python version (a DuckDB file stands in for MotherDuck)", () => {
  it("two devices import them once between them, and a later change in them arrives on the next sync", async () => {
    const remote = join(mkdtempSync(join(tmpdir(), "csl-cloud-")), "claude_sessions.duckdb")
    const data = legacyData(40, 10)
    await writeLegacyStore(remote, "migrated", data, { cloud: true })
    const cloudBefore = await legacyTableContents(remote)

    const alice = device("alice", remote)
    const bob = device("bob", remote)
    alice.ok(["sync"])
    bob.ok(["sync"])
    alice.ok(["sync"])
    for (const listed of [alice.list(), bob.list()]) {
      expect(listed).toHaveLength(40)
      expect(new Set(listed.map((entry) => entry.id)).size).toBe(40)
    }
    expect(alice.list()).toEqual(bob.list())
    expect(await legacyTableContents(remote)).toEqual(cloudBefore)

    // A teammate still on 0.3.45 resolves an open entry in the cloud tables.
    const target = data.entries.find((entry) => entry.status === "open" && entry.updated_at === null)
    const change = { status: "resolved", body: `${target?.body}\n\n[2025-06-01 carol → resolved] done`, updated_at: "2025-06-01T12:00:00Z", updated_by: "carol" }
    await changeLegacyEntry(remote, target?.id ?? "", change)
    alice.ok(["sync"])
    bob.ok(["sync"])
    for (const listed of [alice.list(), bob.list()]) {
      expect(listed.find((entry) => entry.id === target?.id)).toMatchObject({
        status: "resolved", body: change.body, updated_by: "carol", updated_at: "2025-06-01T12:00:00.000Z",
      })
      expect(listed).toHaveLength(40)
    }
    expect(alice.list()).toEqual(bob.list())
  }, 120_000)
})
