import { DuckDBInstance } from "@duckdb/node-api"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { type CliResult, freshHome, parseJson, runCli, userEnv } from "../support/cli.js"

/** An expected error: exactly one non-blank line on stderr, no stack, a non-zero exit. */
const expectOneLine = (result: CliResult, pattern: RegExp) => {
  expect(result.status).not.toBe(0)
  expect(result.stderr.endsWith("\n\n")).toBe(false)
  const lines = result.stderr.split("\n").filter((line) => line !== "")
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/)
}

const newUser = () => {
  const home = freshHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
  return { home, env, cli: (args: ReadonlyArray<string>) => runCli(args, { env }) }
}

describe("limits", () => {
  it("a zero or negative --limit is refused with one line, not answered with an empty listing", () => {
    const { cli } = newUser()
    expect(cli(["log", "--category", "note", "--title", "kept"]).status).toBe(0)
    for (const command of [["list"], ["events"], ["sessions"], ["search", "x"]]) {
      for (const value of ["-1", "0"]) {
        const result = cli([...command, "--limit", value])
        expect(result.stdout, `${command[0]} --limit ${value}`).toBe("")
        expectOneLine(result, new RegExp(`--limit must be a positive whole number, not ${value}`))
      }
    }
    expect(cli(["list", "--limit", "1"]).stdout).toContain("kept")
  })

  it("recent is a hook and never fails, whatever its --limit", () => {
    const result = newUser().cli(["recent", "--limit", "-1"])
    expect(result).toMatchObject({ status: 0, stderr: "" })
  })

  it("a --limit that is not a number: one line, in good grammar", () => {
    const result = newUser().cli(["list", "--limit", "abc"])
    expect(result.status).toBe(2)
    expectOneLine(result, /^'abc' is not an integer$/)
  })
})

describe("remotes", () => {
  it("sync --remote \"\" is refused instead of syncing with the working directory", () => {
    const result = newUser().cli(["sync", "--remote", ""])
    expectOneLine(result, /--remote needs a value/)
    expect(result.stderr).not.toMatch(/cannot reach/)
  })

  it("a remote file that is not a database is called damaged, with what to do, not 'stays queued'", () => {
    const { cli } = newUser()
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    writeFileSync(remote, Buffer.alloc(8192, 7))
    expect(cli(["log", "--category", "note", "--title", "kept"]).status).toBe(0)
    const result = cli(["sync", "--remote", remote])
    expectOneLine(result, /the remote .*shared\.duckdb is damaged .*retrying will not help: restore the file from a backup/)
    expect(result.stderr).not.toMatch(/stay queued/)
  })

  it("events a newer version wrote are kept, logged once per type, and named by status", async () => {
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    const alice = newUser()
    expect(alice.cli(["log", "--category", "note", "--title", "from alice"]).status).toBe(0)
    expect(alice.cli(["sync", "--remote", remote]).status).toBe(0)

    // A newer client pushes a type this one does not know and a later version of a known one.
    const instance = await DuckDBInstance.create(remote)
    const connection = await instance.connect()
    const plant = (seq: number, id: string, type: string, version: number) =>
      connection.run(
        `INSERT INTO events VALUES (${seq}, '${id}', '${type}', ${version}, 'E1', 'dev', 'carol', now(), '{"x":1}')`,
      )
    await plant(2, "01M8NGS8BFZ0V9NAM5H7C57H91", "EntryTagged", 1)
    await plant(3, "01M8NGS8BFZ0V9NAM5H7C57H92", "EntryTagged", 1)
    await plant(4, "01M8NGS8BFZ0V9NAM5H7C57H93", "EntryLogged", 9)
    connection.closeSync()
    instance.closeSync()

    const bob = newUser()
    expect(bob.cli(["sync", "--remote", remote]).stdout).toMatch(/^pushed 0, pulled 4 /)
    expect(parseJson<ReadonlyArray<unknown>>(bob.cli(["list", "--all-projects", "--json"]))).toHaveLength(1)
    const log = readFileSync(join(bob.home, ".claude", "claude-session-logger", "claude-session-logger.log"), "utf8")
    expect(log.match(/EntryTagged v1/g)).toHaveLength(1)
    expect(log).toMatch(/pulled 2 EntryTagged v1 event\(s\) written by a newer claude-session-logger/)
    expect(log).toMatch(/pulled 1 EntryLogged v9 event\(s\)/)

    const status = bob.cli(["status", "--remote", remote])
    expect(status.stdout).toContain("unreadable events: 1 EntryLogged v9, 2 EntryTagged v1 written by a newer claude-session-logger")
    expect(parseJson<{ from_newer_version: unknown }>(bob.cli(["status", "--remote", remote, "--json"])).from_newer_version)
      .toEqual({ "EntryLogged v9": 1, "EntryTagged v1": 2 })
  })
})
