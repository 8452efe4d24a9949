import { DuckDBInstance } from "@duckdb/node-api"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { hiveUser, hiveWorld } from "../support/hive-user.js"

interface ListedEntry {
  readonly id: string
  readonly title: string
  readonly status: string
  readonly updated_by: string
}

const entriesOf = (user: ReturnType<typeof hiveUser>): ReadonlyArray<ListedEntry> =>
  (JSON.parse(user.cliOk(["list", "--all-projects", "--json"])) as ReadonlyArray<ListedEntry>)
    .map(({ id, status, title, updated_by }) => ({ id, status, title, updated_by }))
    .sort((a, b) => a.id.localeCompare(b.id))

const eventTypesIn = async (file: string) => {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" })
  const connection = await instance.connect()
  const reader = await connection.runAndReadAll(`SELECT DISTINCT type FROM events ORDER BY type`)
  const types = reader.getRows().map((row) => String(row[0]))
  connection.closeSync()
  instance.closeSync()
  return types
}

describe("claude-hive: publish memory, subscribe, mesh (file URLs, separate HOMEs and stores)", () => {
  it("alice publishes two files; bob subscribes: copies, HIVE.md, CLAUDE.md imports it once; an edit and an unpublish reach bob", () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    alice.writeMemory("build.md", "# Build\n\nuse pnpm\n")
    alice.writeMemory("style.md", "# Style\n\ntabs\n")
    alice.writeMemory("keys.md", "deploy key AKIAABCDEFGHIJKLMNOP\n")

    const published = alice.hive(["publish", "build", "style.md", "keys"])
    expect(published.stdout).toBe(`hive: ${alice.url}\npublished  shop/build.md (18 bytes)\npublished  shop/style.md (14 bytes)\n`)
    expect(published.stderr).toContain("refused: shop/keys.md: looks like it holds a secret (AWS access key); pass --allow keys.md to publish it anyway")
    expect(published.status).toBe(1)
    expect(alice.hiveOk(["url"]).trim()).toBe(alice.url)

    writeFileSync(join(bob.home, ".claude", "CLAUDE.md"), "# bob's own rules\nno trailing newline")
    expect(bob.hiveOk(["projects", alice.url])).toBe("shop: 2 file(s), 0 entries\n")
    bob.hiveOk(["subscribe", alice.url])
    expect(bob.hiveOk(["sync"])).toContain("hive: wrote 2 file(s), removed 0")
    expect(bob.hiveFiles()).toEqual(["HIVE.md", "shop/build.md", "shop/style.md"])
    expect(bob.readHive("shop/build.md")).toBe("# Build\n\nuse pnpm\n")
    expect(bob.readHive("HIVE.md")).toContain("\n@shop/build.md\n@shop/style.md\n")
    bob.hiveOk(["sync"])
    expect(readFileSync(join(bob.home, ".claude", "CLAUDE.md"), "utf8")).toBe("# bob's own rules\nno trailing newline\n@hive/HIVE.md\n")

    alice.writeMemory("build.md", "# Build\n\nuse pnpm 9\n")
    alice.hiveOk(["unpublish", "style"])
    alice.hiveOk(["sync"])
    const after = bob.hiveOk(["sync"])
    expect(after).toContain("hive: wrote 1 file(s), removed 1")
    expect(bob.hiveFiles()).toEqual(["HIVE.md", "shop/build.md"])
    expect(bob.readHive("shop/build.md")).toBe("# Build\n\nuse pnpm 9\n")
    expect(bob.readHive("HIVE.md")).not.toContain("style.md")

    // A copy edited by its reader is overwritten on the next refresh, and said so.
    writeFileSync(join(bob.hiveDir, "shop", "build.md"), "bob's edit\n")
    alice.writeMemory("build.md", "# Build\n\nuse pnpm 10\n")
    alice.hiveOk(["sync"])
    expect(bob.hiveOk(["sync"])).toContain(`overwrote your edit of ${join(bob.hiveDir, "shop", "build.md")}: hive files are read-only copies`)
    expect(bob.readHive("shop/build.md")).toBe("# Build\n\nuse pnpm 10\n")

    // Unsubscribing removes the copies on the next refresh.
    bob.hiveOk(["unsubscribe", alice.url])
    expect(bob.hiveOk(["sync"])).toContain("removed 1")
    expect(bob.hiveFiles()).toEqual(["HIVE.md"])
  })

  it("mesh: bob resolves alice's issue and she sees it from bob; carol, subscribed to alice only, sees the issues and her edits reach nobody", () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    const carol = hiveUser(world, "carol")
    alice.hiveOk(["subscribe", bob.url])
    bob.hiveOk(["subscribe", alice.url])
    carol.hiveOk(["subscribe", alice.url])
    alice.cliOk(["log", "--category", "issue", "--title", "Checkout breaks on an empty cart"])
    alice.hiveOk(["sync"])
    bob.hiveOk(["sync"])
    const [issue] = entriesOf(bob)
    expect(issue).toMatchObject({ title: "Checkout breaks on an empty cart", status: "open", updated_by: "alice" })

    bob.cliOk(["resolve", "--id", issue?.id ?? "", "--note", "fixed in 1.2"])
    bob.hiveOk(["sync"])
    alice.hiveOk(["sync"])
    expect(entriesOf(alice)).toEqual([{ id: issue?.id, title: "Checkout breaks on an empty cart", status: "resolved", updated_by: "bob" }])
    expect(alice.cliOk(["inbox", "--count"])).toContain("1 shared issue update")

    // Carol, subscribed to alice only, gets the issue and bob's resolve (through alice's hive).
    alice.hiveOk(["sync"])
    carol.hiveOk(["sync"])
    expect(entriesOf(carol)).toEqual(entriesOf(alice))
    carol.cliOk(["resolve", "--id", issue?.id ?? "", "--status", "open", "--note", "not on mobile"])
    carol.cliOk(["log", "--category", "issue", "--title", "Carol's private worry"])
    carol.hiveOk(["sync"])
    alice.hiveOk(["sync"])
    bob.hiveOk(["sync"])
    alice.hiveOk(["sync"])
    expect(entriesOf(alice).map((entry) => entry.status)).toEqual(["resolved"])
    expect(entriesOf(bob).map((entry) => entry.title)).toEqual(["Checkout breaks on an empty cart"])
  })

  it("concurrent edits under ±1 h clock skew end identical on both sides", () => {
    const world = hiveWorld()
    const ahead = ["faketime", "-f", "+1h"]
    const behind = ["faketime", "-f", "-1h"]
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    alice.hiveOk(["subscribe", bob.url], ahead)
    bob.hiveOk(["subscribe", alice.url], behind)
    alice.cliOk(["log", "--category", "issue", "--title", "Flaky login"], ahead)
    alice.cliOk(["log", "--category", "task", "--title", "Write the runbook"], ahead)
    alice.hiveOk(["sync"], ahead)
    bob.hiveOk(["sync"], behind)
    const [first, second] = entriesOf(bob)
    // Both change both entries before seeing the other's change.
    alice.cliOk(["resolve", "--id", first?.id ?? "", "--status", "blocked"], ahead)
    bob.cliOk(["resolve", "--id", first?.id ?? "", "--status", "resolved"], behind)
    bob.cliOk(["resolve", "--id", second?.id ?? "", "--status", "in_progress"], behind)
    alice.cliOk(["resolve", "--id", second?.id ?? "", "--status", "resolved"], ahead)
    for (let round = 0; round < 2; round++) {
      alice.hiveOk(["sync"], ahead)
      bob.hiveOk(["sync"], behind)
    }
    expect(entriesOf(alice)).toEqual(entriesOf(bob))
  })

  it("a hive holds only the published events: no session, prompt or token", async () => {
    const world = hiveWorld()
    const token = "eyJhbGciOiJIUzI1NiJ9PLANTED.eyJzdWIiOiJhbGljZSJ9PLANTED.c2lnbmF0dXJlUExBTlRFRA"
    const alice = hiveUser(world, "alice", { env: { MOTHERDUCK_TOKEN: token } })
    alice.plantSession("PLANTED-PROMPT-the-launch-codes")
    alice.cliOk(["backfill"])
    expect(alice.cliOk(["sessions", "--json"])).toContain("PLANTED-PROMPT")
    alice.writeMemory("build.md", "# Build\n")
    alice.hiveOk(["publish", "build"])
    alice.cliOk(["log", "--category", "issue", "--title", "Shared issue"])
    alice.hiveOk(["sync"])
    expect(await eventTypesIn(alice.url)).toEqual(["EntryLogged", "MemoryPublished"])
    const bytes = readFileSync(alice.url).toString("latin1")
    expect(bytes).not.toContain("PLANTED-PROMPT")
    expect(bytes).not.toContain("PLANTED")
  })
})
