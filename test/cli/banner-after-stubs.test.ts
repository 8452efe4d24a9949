import { join } from "node:path"
import { expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

it("the session-start banner still shows real sessions after more stub sessions than it keeps", () => {
  const { home, projectDir } = claudeHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", TZ: "UTC" })
  const real = { sessionId: "f0000000-0000-4000-8000-000000000000", cwd: "/home/dev/projects/shop" }
  writeLines(join(projectDir, `${real.sessionId}.jsonl`), [
    userPrompt(real, "Fix the checkout", "2026-11-20T09:00:00.000Z"),
    assistant(real, { messageId: "m1", usage: { input: 1000, output: 100 }, timestamp: "2026-11-20T09:05:00.000Z" }),
  ])
  // Claude Code opened and closed 30 times since, each newer than the real session.
  for (let index = 1; index <= 30; index++) {
    const sessionId = `f0000000-0000-4000-8000-${String(index).padStart(12, "0")}`
    writeLines(join(projectDir, `${sessionId}.jsonl`), [
      JSON.stringify({ type: "system", subtype: "local_command", content: "/exit", sessionId, cwd: real.cwd, timestamp: `2026-11-21T${String(index % 24).padStart(2, "0")}:00:00.000Z` }),
    ])
  }
  expect(runCli(["backfill"], { env }).status).toBe(0)
  const recent = parseJson<ReadonlyArray<{ readonly session_id: string }>>(runCli(["recent", "--json"], { env }))
  expect(recent.map((session) => session.session_id)).toEqual([real.sessionId])
  expect(runCli(["recent"], { env }).stdout).toContain("Fix the checkout")
}, 60_000)
