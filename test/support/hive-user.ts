import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { type CliResult, cliPath, projectRoot, userEnv } from "./cli.js"
import { assistant, userPrompt, writeLines } from "./transcript-builder.js"

export const hiveBin = join(projectRoot, "dist", "hive.cjs")

/** A folder for the users' homes and hive files. */
export const hiveWorld = () => mkdtempSync(join(tmpdir(), "csl-hive-"))

export const hiveFileOf = (world: string, user: string) => join(world, "hives", `${user}.duckdb`)

/**
 * A teammate with a HOME of their own, a checkout of `shop` (a hive project unless `hiveProject`
 * is false) that Claude Code has opened once, and their own hive file under `world/hives`.
 */
export const hiveUser = (world: string, user: string, options: { readonly hiveProject?: boolean; readonly env?: Readonly<Record<string, string>> } = {}) => {
  const home = join(world, user)
  const repo = join(home, "code", "shop")
  mkdirSync(join(repo, ".git"), { recursive: true })
  mkdirSync(join(world, "hives"), { recursive: true })
  writeFileSync(join(repo, ".git", "config"), `[remote "origin"]\n\turl = git@github.com:team/shop.git\n`)
  if (options.hiveProject !== false) writeFileSync(join(repo, "CLAUDE.md"), "---\nis-hive-project: true\n---\n# shop\n")
  const slugDir = join(home, ".claude", "projects", repo.replace(/[^A-Za-z0-9]/g, "-"))
  const memoryDir = join(slugDir, "memory")
  mkdirSync(memoryDir, { recursive: true })
  const transcript = join(slugDir, "11111111-2222-3333-4444-555555555555.jsonl")
  writeFileSync(transcript, `${JSON.stringify({ type: "user", cwd: repo, message: { role: "user", content: "hi" } })}\n`)
  const env = userEnv(home, { CLAUDE_LOGGER_USER: user, CLAUDE_HIVE: hiveFileOf(world, user), ...options.env })
  const spawnWith = (bin: string, args: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []): CliResult => {
    const [command, ...rest] = prefix.length === 0 ? [process.execPath, bin, ...args] : [...prefix, process.execPath, bin, ...args]
    const result = spawnSync(command ?? process.execPath, rest, { env, cwd: repo, encoding: "utf8", timeout: 60_000 })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }
  const expectOk = (result: CliResult, args: ReadonlyArray<string>) => {
    expect(result.status, `${user}: ${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  const hiveDir = join(home, ".claude", "hive")
  return {
    user,
    home,
    repo,
    env,
    memoryDir,
    hiveDir,
    url: hiveFileOf(world, user),
    /** `claude-hive …` */
    hive: (args: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []) => spawnWith(hiveBin, args, prefix),
    hiveOk: (args: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []) => expectOk(spawnWith(hiveBin, args, prefix), args),
    /** `claude-session-logger …` */
    cli: (args: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []) => spawnWith(cliPath, args, prefix),
    cliOk: (args: ReadonlyArray<string>, prefix: ReadonlyArray<string> = []) => expectOk(spawnWith(cliPath, args, prefix), args),
    writeMemory: (name: string, content: string) => writeFileSync(join(memoryDir, name), content),
    /** A session whose first prompt (its title) and answer are `words`. */
    plantSession: (words: string) =>
      writeLines(transcript, [
        userPrompt({ sessionId: "11111111-2222-3333-4444-555555555555", cwd: repo }, words, "2026-11-01T10:00:00.000Z"),
        assistant({ sessionId: "11111111-2222-3333-4444-555555555555", cwd: repo }, {
          messageId: "msg_1",
          model: "claude-sonnet-4-5",
          block: { type: "text", text: words },
          timestamp: "2026-11-01T10:00:05.000Z",
          usage: { input: 10, output: 20 },
        }),
      ]),
    /** Files under ~/.claude/hive, relative (its hidden marks left out). */
    hiveFiles: (): ReadonlyArray<string> => {
      const walk = (dir: string, prefix: string): ReadonlyArray<string> =>
        existsSync(dir)
          ? readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith(".")).flatMap((entry) =>
            entry.isDirectory() ? walk(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
          ).sort()
          : []
      return walk(hiveDir, "")
    },
    readHive: (path: string) => readFileSync(join(hiveDir, path), "utf8"),
  }
}

export type HiveUser = ReturnType<typeof hiveUser>
