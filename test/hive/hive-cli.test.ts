import { DuckDBInstance } from "@duckdb/node-api"
import { spawn } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { hiveBin, hiveUser, hiveWorld } from "../support/hive-user.js"

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

describe("claude-hive sync survives kill -9", () => {
  it("killed at any point, a rerun leaves every copy whole, no temp file, no duplicate entry", async () => {
    const world = hiveWorld()
    const alice = hiveUser(world, "alice")
    const bob = hiveUser(world, "bob")
    const contentOf = (index: number) => `# Note ${index}\n\n${"x".repeat(4000 + index)}\n`
    for (let index = 0; index < 120; index++) alice.writeMemory(`note-${String(index).padStart(3, "0")}.md`, contentOf(index))
    alice.hiveOk(["publish", "--all"])
    for (let index = 0; index < 5; index++) alice.cliOk(["log", "--category", "issue", "--title", `Issue ${index}`])
    alice.hiveOk(["sync"])
    bob.hiveOk(["subscribe", alice.url])
    for (const delayMs of [250, 450, 650, 900]) {
      const child = spawn(process.execPath, [hiveBin, "sync"], { env: bob.env, cwd: bob.repo, stdio: "ignore" })
      // Listened for at once: a sync that ends before the kill must not leave this waiting forever.
      const closed = new Promise((done) => child.on("close", done))
      await new Promise((done) => setTimeout(done, delayMs))
      child.kill("SIGKILL")
      await closed
      // The next publish touches the files: a killed sync must not have kept an old version.
      alice.writeMemory("note-000.md", `${contentOf(0)}v${delayMs}\n`)
      alice.hiveOk(["sync"])
    }
    bob.hiveOk(["sync"])
    const copies = bob.hiveFiles().filter((path) => path.startsWith("shop/"))
    expect(copies).toHaveLength(120)
    expect(bob.hiveFiles().filter((path) => path.endsWith(".tmp"))).toEqual([])
    expect(bob.readHive("shop/note-000.md")).toBe(`${contentOf(0)}v900\n`)
    for (let index = 1; index < 120; index++) expect(bob.readHive(`shop/note-${String(index).padStart(3, "0")}.md`)).toBe(contentOf(index))
    const titles = entriesOf(bob).map((entry) => entry.title).sort()
    expect(titles).toEqual(["Issue 0", "Issue 1", "Issue 2", "Issue 3", "Issue 4"])
    expect(bob.hiveOk(["sync"])).toContain("hive: wrote 0 file(s), removed 0")
  })
})

describe("claude-hive: unreachable hives", () => {
  it("an md: hive that cannot be reached is one line, the sync exits 0 and tries again next time; `hive url` fails with one line", () => {
    const world = hiveWorld()
    const bob = hiveUser(world, "bob")
    bob.hiveOk(["subscribe", "md:_share/claude_hive/0000-1111"])
    for (let attempt = 0; attempt < 2; attempt++) {
      const sync = bob.hive(["sync"])
      expect(sync.status).toBe(0)
      expect(sync.stdout).toContain("unreachable: md:_share/claude_hive/0000-1111: no MotherDuck token")
    }
    expect(bob.hiveOk(["list"])).toContain("last error: no MotherDuck token")
    const quiet = bob.hive(["sync", "--quiet"])
    expect(quiet).toMatchObject({ status: 0, stdout: "", stderr: "" })

    const url = hiveUser(world, "carol", { env: { CLAUDE_HIVE: "md:claude_hive" } }).hive(["url"])
    expect(url.status).toBe(1)
    expect(url.stderr.trim().split("\n")).toEqual([expect.stringContaining("cannot reach the hive md:claude_hive: no MotherDuck token")])
  })
})

describe("claude-hive: teammates on one shared remote", () => {
  it("bob's publications and subscriptions reach alice's store through the remote but stay his: none of them is hers", async () => {
    const world = hiveWorld()
    const remote = join(world, "team-remote.duckdb")
    const shared = { CLAUDE_LOGGER_REMOTE: remote }
    const alice = hiveUser(world, "alice", { env: shared })
    const bob = hiveUser(world, "bob", { env: shared })
    const carol = hiveUser(world, "carol")
    alice.writeMemory("notes.md", "# alice's notes\n")
    bob.writeMemory("notes.md", "# bob's notes\n")
    bob.hiveOk(["publish", "notes.md"])
    bob.hiveOk(["subscribe", carol.url])
    bob.cliOk(["sync"])
    alice.cliOk(["sync"])

    const listed = JSON.parse(alice.hiveOk(["list", "--json"])) as {
      readonly files: ReadonlyArray<{ readonly name: string; readonly published: boolean }>
      readonly subscriptions: ReadonlyArray<unknown>
    }
    expect(listed.files.map(({ name, published }) => ({ name, published }))).toEqual([{ name: "notes.md", published: false }])
    expect(listed.subscriptions).toEqual([])
    alice.hiveOk(["sync"])
    expect(alice.hiveFiles().filter((path) => path !== "HIVE.md")).toEqual([])
    // Alice's hive holds her hive project's entries at most: neither bob's file nor her own unpublished one.
    alice.cliOk(["log", "--category", "issue", "--title", "Shared issue"])
    alice.hiveOk(["sync"])
    expect(await eventTypesIn(alice.url)).toEqual(["EntryLogged"])
    expect(readFileSync(alice.url).includes("bob's notes")).toBe(false)
  })
})

describe("claude-hive: bad input", () => {
  it("each command given nothing, or no hive, says in one line what it takes, and exits 1", () => {
    const bob = hiveUser(hiveWorld(), "bob", { env: { CLAUDE_HIVE: "" } })
    const line = (args: ReadonlyArray<string>) => {
      const result = bob.hive(args)
      expect(result.status, args.join(" ")).toBe(1)
      return result.stderr
    }
    expect(line(["unsubscribe"])).toBe("claude-session-logger: hive unsubscribe: name a hive URL, or pass --project P; `claude-hive list` shows your subscriptions\n")
    expect(line(["unpublish"])).toBe("claude-session-logger: hive unpublish: name files (FILE…), or pass --project P or --all; `claude-hive list` shows them\n")
    expect(line(["url"])).toBe(
      "claude-session-logger: no hive to publish to: run `claude-hive url --set PATH` (a DuckDB file your teammates can read), set CLAUDE_HIVE, or add a MotherDuck token (md:claude_hive)\n",
    )
  })
})
