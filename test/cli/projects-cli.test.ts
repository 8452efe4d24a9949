import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"
import { legacyData, writeLegacyStore } from "../support/legacy-store.js"

interface EntryJson { readonly title: string; readonly project: string | null }

/** A clone whose folder name differs from its repository's name, as checkouts often do. */
const clone = (folder: string, origin: string) => {
  const root = join(mkdtempSync(join(tmpdir(), "csl-clone-")), folder)
  mkdirSync(join(root, ".git"), { recursive: true })
  mkdirSync(join(root, "src"))
  writeFileSync(join(root, ".git", "config"), `[remote "origin"]\n\turl = git@github.com:team/${origin}.git\n`)
  return root
}

describe("entries are filed by project, and list shows the current one's", () => {
  it("list: this project's and project-less entries; --project P one; --all-projects every one with a PROJECT column", async () => {
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
    const run = (args: ReadonlyArray<string>, cwd: string) => runCli(args, { env, cwd })
    const shop = join(clone("shop-checkout", "shop"), "src")
    const blog = clone("blog", "blog")
    expect(run(["log", "--category", "task", "--title", "Shop task"], shop).status).toBe(0)
    expect(run(["log", "--category", "task", "--title", "Blog task"], blog).status).toBe(0)
    // An entry of the Python version without a session has no project: it shows everywhere.
    const legacy = legacyData(1, 0)
    const file = join(home, "old.duckdb")
    await writeLegacyStore(file, "fresh", legacy)
    expect(run(["import-legacy", "--from", file], shop).status).toBe(0)

    const titles = (args: ReadonlyArray<string>, cwd: string) =>
      parseJson<ReadonlyArray<EntryJson>>(run([...args, "--json"], cwd)).map((entry) => `${entry.project ?? "-"}:${entry.title}`).sort()
    const untitled = `-:${legacy.entries[0]?.title}`
    expect(titles(["list"], shop)).toEqual([untitled, "shop:Shop task"])
    expect(titles(["list"], blog)).toEqual([untitled, "blog:Blog task"])
    expect(titles(["list", "--project", "blog"], shop)).toEqual(["blog:Blog task"])
    expect(titles(["list", "--all-projects"], shop)).toEqual([untitled, "blog:Blog task", "shop:Shop task"])
    expect(run(["list", "--all-projects"], shop).stdout).toMatch(/^ID +CATEGORY +STATUS +PROJECT +TITLE/)

    const both = run(["list", "--all-projects", "--project", "blog"], shop)
    expect(both.status).toBe(1)
    expect(both.stderr).toBe("claude-session-logger: give --project or --all-projects, not both\n")
  }, 60_000)
})

describe("the Python version's command names", () => {
  it("flush is sync", () => {
    const env = userEnv(freshHome(), { CLAUDE_LOGGER_USER: "alice" })
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    expect(runCli(["log", "--category", "note", "--title", "Synced by flush"], { env }).status).toBe(0)
    const flushed = runCli(["flush", "--remote", remote], { env })
    expect(flushed.status, flushed.stderr).toBe(0)
    expect(flushed.stdout).toBe(`pushed 1, pulled 0 (${remote})\n`)
  }, 60_000)
})
