import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"
import stringWidth from "string-width"

/** ESC starting a colour and a window-title change, and BEL: what a terminal would obey. */
const planted = "Evil \u001b[31mred\u001b[0m \u001b]0;pwned\u0007 title"
const plantedShown = "Evil ␛[31mred␛[0m ␛]0;pwned␇ title"
const controlByte = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

const evil = { sessionId: "e0000001-0000-4000-8000-000000000001", cwd: "/home/dev/projects/shop" }
const wordy = { sessionId: "e0000002-0000-4000-8000-000000000002", cwd: "/home/dev/projects/shop" }
const japanese = { sessionId: "e0000003-0000-4000-8000-000000000003", cwd: "/home/dev/projects/shop" }
const stub = { sessionId: "e0000004-0000-4000-8000-000000000004", cwd: "/home/dev/projects/shop" }
const multiSentence =
  "Coupon codes at checkout. Also handle the expired voucher edge case, then write the tests for all of it and update the docs."
const longJapanese = "ログインテストの修正とリファクタリング、そしてセッションの固定具の競合状態を直してから全部のテストを書く"

let env: NodeJS.ProcessEnv
let entryId = ""
const cli = (args: ReadonlyArray<string>, user = "alice") => runCli(args, { env: { ...env, CLAUDE_LOGGER_USER: user } })

beforeAll(() => {
  const { home, projectDir } = claudeHome()
  env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" })
  const reply = (context: typeof evil, messageId: string, timestamp: string) =>
    assistant(context, { messageId, usage: { input: 1000, output: 100 }, timestamp, block: { type: "text", text: "done \u001b[2J here" } })
  writeLines(join(projectDir, `${evil.sessionId}.jsonl`), [
    userPrompt(evil, "Make the login \u001b[5mblink\u001b[0m stop", "2026-11-20T09:00:00.000Z"),
    reply(evil, "m1", "2026-11-20T09:05:00.000Z"),
    metadata("custom-title", { customTitle: planted, sessionId: evil.sessionId }),
  ])
  writeLines(join(projectDir, `${wordy.sessionId}.jsonl`), [
    userPrompt(wordy, `${multiSentence}\nAnd a second line.`, "2026-11-21T09:00:00.000Z"),
    reply(wordy, "m2", "2026-11-21T09:05:00.000Z"),
  ])
  writeLines(join(projectDir, `${japanese.sessionId}.jsonl`), [
    userPrompt(japanese, longJapanese, "2026-11-22T09:00:00.000Z"),
    reply(japanese, "m3", "2026-11-22T09:05:00.000Z"),
  ])
  // Claude Code opened and closed at once: no prompt, no reply; the newest session of all.
  writeLines(join(projectDir, `${stub.sessionId}.jsonl`), [
    JSON.stringify({ type: "system", subtype: "local_command", content: "/exit", sessionId: stub.sessionId, cwd: stub.cwd, timestamp: "2026-11-23T09:00:00.000Z" }),
  ])
  expect(runCli(["backfill"], { env }).status).toBe(0)
  const logged = cli(["log", "--category", "issue", "--title", planted, "--body", `line one\n${planted}\nline three`])
  expect(logged.status).toBe(0)
  entryId = /id=([0-9A-Z]{26})/.exec(logged.stdout)?.[1] ?? ""
  cli(["log", "--category", "issue", "--title", `${planted} twin`])
}, 60_000)

describe("a control byte planted in a title never reaches the terminal", () => {
  it.each([
    ["sessions", ["sessions"]],
    ["recent (the session-start banner)", ["recent"]],
    ["session-start", ["session-start"]],
    ["show-session", ["show-session", evil.sessionId.slice(0, 8)]],
    ["search", ["search", "evil"]],
    ["search --content", ["search", "--content", "blink"]],
    ["list", ["list"]],
    ["show", ["show", ""]],
  ] as const)("%s shows it as visible stand-ins", (_name, args) => {
    const result = cli(args.map((arg) => (arg === "" ? entryId : arg)))
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).not.toMatch(controlByte)
    expect(result.stdout).toContain(plantedShown)
  })

  it("inbox lists another person's entries without the control bytes", () => {
    const result = cli(["inbox"], "bob")
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).not.toMatch(controlByte)
    expect(result.stdout).toContain(plantedShown)
  })

  it("an error quoting the titles stays one printable line", () => {
    const result = cli(["resolve", "--title-match", "evil title"])
    expect(result.status).toBe(1)
    expect(result.stderr).not.toMatch(controlByte)
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1)
    expect(result.stderr).toContain(plantedShown)
  })

  it("an entry's body keeps its lines", () => {
    expect(cli(["show", entryId]).stdout).toContain(`line one\n${plantedShown}\nline three`)
  })

  it("JSON output keeps the exact value, escaped", () => {
    const sessions = parseJson<ReadonlyArray<{ readonly title: string | null }>>(cli(["sessions", "--json"]))
    expect(sessions.map((session) => session.title)).toContain(planted)
    const entries = parseJson<ReadonlyArray<{ readonly title: string }>>(cli(["list", "--json"]))
    expect(entries.map((entry) => entry.title)).toContain(planted)
    expect(cli(["list", "--json"]).stdout).not.toMatch(controlByte)
  })
})

describe("the session-start banner", () => {
  it("cuts a multi-sentence, multi-line title to one short line and leaves out a session with no conversation", () => {
    const banner = cli(["recent"]).stdout
    expect(banner.trimEnd().split("\n")).toEqual([
      "Recent sessions (claude-session-logger):",
      `- 2026-11-22 09:05 · shop · ログインテストの修正とリファクタリング、そしてセッションの… · 5 min · 1.1k tokens · $0.01`,
      "- 2026-11-21 09:05 · shop · Coupon codes at checkout. · 5 min · 1.1k tokens · $0.01",
      `- 2026-11-20 09:05 · shop · ${plantedShown} · 5 min · 1.1k tokens · $0.01`,
    ])
  })

  it("recent --json leaves out the stub session too", () => {
    const recent = parseJson<ReadonlyArray<{ readonly session_id: string }>>(cli(["recent", "--json", "--limit", "10"]))
    expect(recent.map((session) => session.session_id)).toEqual([japanese.sessionId, wordy.sessionId, evil.sessionId])
  })
})

describe("wide characters in the CLI tables", () => {
  it("sessions cuts a long Japanese title to 60 columns and keeps every column after it aligned", () => {
    const lines = cli(["sessions"]).stdout.trimEnd().split("\n")
    const columnOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)))
    const header = lines[0] ?? ""
    for (const line of lines.slice(1).filter((row) => !row.includes("(untitled)"))) expect(columnOf(line, " 5 ") + 1, line).toBe(columnOf(header, "MIN"))
    const titleColumn = columnOf(header, "MIN") - columnOf(header, "TITLE") - 2
    expect(titleColumn).toBeLessThanOrEqual(60)
  })
})
