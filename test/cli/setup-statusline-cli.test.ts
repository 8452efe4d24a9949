import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { freshHome, runCli, userEnv } from "../support/cli.js"
import { fakeCrontab } from "../support/fake-crontab.js"

let home: string
let settingsFile: string
let env: NodeJS.ProcessEnv
const cli = (args: ReadonlyArray<string>) => runCli(args, { env })
const settings = () => JSON.parse(readFileSync(settingsFile, "utf8")) as { readonly statusLine?: { readonly command: string }; readonly model?: string }
const writeSettings = (value: unknown) => writeFileSync(settingsFile, `${JSON.stringify(value, null, 2)}\n`)

beforeEach(() => {
  home = freshHome()
  settingsFile = join(home, ".claude", "settings.json")
  mkdirSync(join(home, ".claude"), { recursive: true })
  env = userEnv(home, { CLAUDE_LOGGER_CRONTAB: fakeCrontab(home, "").program, CLAUDE_LOGGER_USER: "alice" })
})

describe("setup --statusline", () => {
  it("installs ours where there is none; it runs as Claude Code runs it; uninstall takes it out", () => {
    writeSettings({ model: "opus" })
    expect(cli(["setup", "--no-cloud"]).stdout).not.toContain("status line")
    expect(settings().statusLine).toBeUndefined()
    const installed = cli(["setup", "--no-cloud", "--statusline"])
    expect(installed.stdout).toContain(`added our status line in ${settingsFile}`)
    const command = settings().statusLine?.command ?? ""
    expect(command).toMatch(/^CLAUDE_LOGGER_USER='alice' '\/.*node' '\/.*\/dist\/statusline\.cjs' # claude-session-logger$/)
    const ran = spawnSync("sh", ["-c", command], { env: { HOME: home }, input: JSON.stringify({ model: { display_name: "Opus 4.6" }, cost: { total_cost_usd: 0.5 } }), encoding: "utf8" })
    expect([ran.status, ran.stdout]).toEqual([0, "Opus 4.6 · session $0.50 · today $0.50\n"])
    expect(cli(["setup", "--no-cloud", "--statusline"]).stdout).toContain("nothing changed")
    const removed = cli(["setup", "--uninstall", "--yes"])
    expect(removed.stdout).toContain(`removed our hooks and status line from ${settingsFile}`)
    expect(settings()).toEqual({ model: "opus", hooks: {} })
  })

  it("never replaces the user's own status line, says so, and uninstall leaves it", () => {
    const theirs = { type: "command", command: "~/.claude/statusline.sh" }
    writeSettings({ statusLine: theirs })
    const result = cli(["setup", "--no-cloud", "--statusline"])
    expect(result.stdout).toContain(`kept your own status line in ${settingsFile}`)
    expect(settings().statusLine).toEqual(theirs)
    cli(["setup", "--uninstall", "--yes"])
    expect(settings().statusLine).toEqual(theirs)
  })
})
