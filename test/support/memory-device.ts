import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { type CliResult, freshHome, projectRoot, userEnv } from "./cli.js"

export const memoryBin = join(projectRoot, "dist", "memory-sync.cjs")

export const remoteFile = () => join(mkdtempSync(join(tmpdir(), "csl-memory-remote-")), "shared.duckdb")

/**
 * A machine with its own HOME and the repository `shop` (origin git@host:team/shop.git) checked
 * out at a path of its own, so Claude Code gives it a different slug than on any other machine.
 */
export const memoryDevice = (user: string, remote: string, options: { readonly opened?: boolean } = {}) => {
  const home = freshHome()
  const repo = join(home, "code", `${user}-checkout`, "shop")
  mkdirSync(join(repo, ".git"), { recursive: true })
  writeFileSync(join(repo, ".git", "config"), `[remote "origin"]\n\turl = git@github.com:team/shop.git\n`)
  const slugDir = join(home, ".claude", "projects", repo.replace(/[^A-Za-z0-9]/g, "-"))
  const memoryDir = join(slugDir, "memory")
  if (options.opened !== false) {
    mkdirSync(slugDir, { recursive: true })
    writeFileSync(join(slugDir, "11111111-2222-3333-4444-555555555555.jsonl"), `${JSON.stringify({ type: "user", cwd: repo, message: { role: "user", content: "hi" } })}\n`)
  }
  const env = userEnv(home, { CLAUDE_LOGGER_USER: user, CLAUDE_LOGGER_REMOTE: remote })
  const run = (args: ReadonlyArray<string>, input = ""): CliResult => {
    const result = spawnSync(process.execPath, [memoryBin, ...args], { env, cwd: repo, input, encoding: "utf8", timeout: 60_000 })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }
  const ok = (args: ReadonlyArray<string>) => {
    const result = run(args)
    expect(result.status, `${user}: ${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(memoryDir, { recursive: true })
    writeFileSync(join(memoryDir, name), content)
    return join(memoryDir, name)
  }
  const read = (name: string) => (existsSync(join(memoryDir, name)) ? readFileSync(join(memoryDir, name)) : undefined)
  const files = () => (existsSync(memoryDir) ? readdirSync(memoryDir).filter((name) => !name.endsWith(".tmp")).sort() : [])
  return { user, home, repo, slugDir, memoryDir, env, run, ok, write, read, files, sync: () => ok(["sync"]) }
}
