import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"

/**
 * Text that is not well-formed UTF-16 (half of a surrogate pair) cannot be stored as JSON DuckDB
 * reads: once in an event's payload, every statement that reads the payload as JSON fails (a sync
 * that keeps prompt titles private; restoring the event log from its backup).
 */
const device = () => {
  const { home, projectDir } = claudeHome()
  const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_REMOTE: remote })
  const dataDir = join(home, ".claude", "claude-session-logger")
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(join(dataDir, "config.json"), JSON.stringify({ sync_titles: false }))
  const run = (args: ReadonlyArray<string>) => {
    const result = runCli(args, { env })
    expect(result, args.join(" ")).toMatchObject({ status: 0, stderr: "" })
    return result.stdout
  }
  const sessions = () => parseJson<ReadonlyArray<{ session_id: string; title: string | null; git_branch: string | null }>>(runCli(["sessions", "--json"], { env }))
  return { projectDir, run, sessions }
}

describe("text that is half of a surrogate pair", () => {
  it("a long first prompt with an emoji where its title is cut: the title ends before the emoji, and the session syncs", () => {
    const { projectDir, run, sessions } = device()
    const ctx = { sessionId: "5e55a000-0000-4000-8000-000000000001" }
    // The title keeps 199 UTF-16 units of the first line: the 199th is the emoji's first half.
    writeLines(join(projectDir, `${ctx.sessionId}.jsonl`), [
      userPrompt(ctx, `${"a".repeat(198)}😀 and the rest of the line`, "2026-11-14T09:00:00.000Z"),
      assistant(ctx, { messageId: "msg_1", usage: { input: 10, output: 5 }, timestamp: "2026-11-14T09:00:01.000Z" }),
    ])
    expect(run(["backfill"])).toBe("backfill: 1 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), 0 malformed line(s)\n")
    expect(sessions()[0]?.title).toBe(`${"a".repeat(198)}…`)
    expect(run(["sync"])).toMatch(/^pushed 1, pulled 0 /)
  })

  it("a lone surrogate written escaped in a transcript (a custom title, a branch) is stored as U+FFFD, and the session syncs", () => {
    const { projectDir, run, sessions } = device()
    const ctx = { sessionId: "5e55a000-0000-4000-8000-000000000002", gitBranch: "fix-\ud800" }
    // JSON.stringify writes a lone surrogate as its escape (\ud800), as a truncating writer would leave it.
    const transcript = join(projectDir, `${ctx.sessionId}.jsonl`)
    writeLines(transcript, [
      userPrompt(ctx, "hello", "2026-11-14T09:00:00.000Z"),
      assistant(ctx, { messageId: "msg_1", usage: { input: 10, output: 5 }, timestamp: "2026-11-14T09:00:01.000Z" }),
      metadata("custom-title", { customTitle: "Cut \udc00 here", sessionId: ctx.sessionId }),
    ])
    expect(run(["backfill"])).toBe("backfill: 1 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), 0 malformed line(s)\n")
    expect(sessions()[0]).toMatchObject({ title: "Cut \ufffd here", git_branch: "fix-\ufffd" })
    expect(run(["sync"])).toMatch(/^pushed 1, pulled 0 /)
    // Read again from the same text, the session is unchanged: its stored payload is what it would be now.
    utimesSync(transcript, new Date("2026-11-15T00:00:00Z"), new Date("2026-11-15T00:00:00Z"))
    expect(run(["backfill"])).toBe("backfill: 0 session(s) recorded, 1 unchanged, 0 skipped (files unchanged), 0 malformed line(s)\n")
  })
})
