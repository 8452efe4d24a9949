import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { freshHome, runCli, userEnv } from "../support/cli.js"

const setUpUser = () => {
  const home = freshHome()
  const claudeDir = join(home, ".claude")
  mkdirSync(claudeDir, { recursive: true })
  // A crontab that accepts everything and keeps nothing: this test is about CLAUDE.md.
  const env = userEnv(home, { CLAUDE_LOGGER_CRONTAB: "true", CLAUDE_LOGGER_USER: "alice" })
  const ok = (args: ReadonlyArray<string>) => {
    const result = runCli(args, { env })
    expect(result.status, result.stderr).toBe(0)
    return result.stdout
  }
  return { claudeDir, claudeMd: join(claudeDir, "CLAUDE.md"), document: join(claudeDir, "claude-session-logger.md"), env, ok }
}

describe("setup teaches Claude the note commands", () => {
  it("creates CLAUDE.md with one import line when missing; a second setup changes nothing; uninstall removes both", () => {
    const user = setUpUser()
    expect(user.ok(["setup", "--no-cloud"])).toContain(`created ${user.claudeMd} with the line @claude-session-logger.md`)
    expect(readFileSync(user.claudeMd, "utf8")).toBe("@claude-session-logger.md\n")
    const document = readFileSync(user.document, "utf8")
    expect(document).toContain("never write SQL against its DuckDB file by hand")

    const again = user.ok(["setup", "--no-cloud"])
    expect(again).not.toContain("CLAUDE.md")
    expect(again).not.toContain("claude-session-logger.md")
    expect(readFileSync(user.claudeMd, "utf8")).toBe("@claude-session-logger.md\n")
    expect(readFileSync(user.document, "utf8")).toBe(document)

    expect(user.ok(["setup", "--uninstall", "--yes"])).toContain(`removed ${user.document}`)
    expect(existsSync(user.claudeMd)).toBe(false)
    expect(existsSync(user.document)).toBe(false)
  })

  it("keeps every byte of an existing CLAUDE.md, adds the line once, and uninstall restores it exactly", () => {
    const user = setUpUser()
    const original = "# My rules\r\n\r\n- answer in French ✓\n@hive/HIVE.md" // CRLF, non-ASCII, no final newline
    writeFileSync(user.claudeMd, original)
    user.ok(["setup", "--no-cloud"])
    expect(readFileSync(user.claudeMd, "utf8")).toBe(`@claude-session-logger.md\n${original}`)
    user.ok(["setup", "--no-cloud"])
    expect(readFileSync(user.claudeMd, "utf8")).toBe(`@claude-session-logger.md\n${original}`)
    user.ok(["setup", "--uninstall", "--yes"])
    expect(readFileSync(user.claudeMd, "utf8")).toBe(original)
  })

  it("names only commands and options the CLI has: each runs with --help exactly as the document spells it", () => {
    const user = setUpUser()
    user.ok(["setup", "--no-cloud"])
    const document = readFileSync(user.document, "utf8")
    const snippets = [...document.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "")
    const cli = snippets.find((snippet) => / 'log --category/.test(snippet) || / log --category/.test(snippet))?.split(" log ")[0] ?? ""
    expect(cli).toMatch(/cli\.cjs'$/)
    const commands = snippets.filter((snippet) => snippet.startsWith(`${cli} `)).map((snippet) => snippet.slice(cli.length + 1))
    const named = new Map<string, Set<string>>()
    for (const command of commands) {
      // `memory` has subcommands: the flags are checked against `memory <sub> --help`.
      const [first = "", second = ""] = command.split(" ")
      const name = first === "memory" ? `${first} ${second}` : first
      const flags = named.get(name) ?? new Set<string>()
      for (const flag of command.matchAll(/--[a-z-]+/g)) flags.add(flag[0])
      named.set(name, flags)
    }
    expect([...named.keys()].sort()).toEqual(["inbox", "list", "log", "memory get", "memory search", "resolve", "search", "show", "show-session"])
    for (const [name, flags] of named) {
      const help = spawnSync("sh", ["-c", `${cli} ${name} --help`], { env: user.env, encoding: "utf8" })
      expect(help.status, `${name} --help: ${help.stderr}`).toBe(0)
      for (const flag of flags) expect(help.stdout, `${name} ${flag}`).toContain(flag)
    }
    // Options the document names outside a full command (added to one) exist too.
    expect(spawnSync("sh", ["-c", `${cli} log --help`], { env: user.env, encoding: "utf8" }).stdout).toContain("--status")
    expect(spawnSync("sh", ["-c", `${cli} list --help`], { env: user.env, encoding: "utf8" }).stdout).toContain("--category")
  }, 60_000)
})
