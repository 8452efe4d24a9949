import { spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { cliPath, parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"
import type { SessionView } from "../../src/sessions/session-queries.js"

let home: string
let projectDir: string

const t = (second: number) => new Date(Date.UTC(2026, 10, 14, 9, 0, second)).toISOString()
/** Enough sessions (more than a few) that a cold backfill hands them to parse workers. */
const writeSessions = (count: number, linesEach: number) => {
  for (let session = 0; session < count; session++) {
    const ctx = { sessionId: `00000000-0000-4000-8000-${String(session).padStart(12, "0")}` }
    writeLines(
      join(projectDir, `${ctx.sessionId}.jsonl`),
      Array.from({ length: linesEach }, (_, line) => [
        userPrompt(ctx, `prompt ${line}`, t(line % 60)),
        assistant(ctx, { messageId: `${ctx.sessionId}-msg_${line}`, usage: { input: 10, output: 5 }, timestamp: t(line % 60) }),
      ]).flat(),
    )
  }
}

beforeEach(() => {
  ;({ home, projectDir } = claudeHome())
})

describe("a cold backfill whose store cannot be created", () => {
  // A file among the data dir's parents makes every look at the data dir fail with ENOTDIR.
  it.each([["the light path", {}], ["the full CLI", { CLAUDE_LOGGER_FULL_CLI: "1" }]])(
    "says so in one line when a parent of the data dir is a file (%s)",
    (_, extra) => {
      writeSessions(10, 2)
      const aFile = join(home, "not-a-folder")
      writeFileSync(aFile, "")
      const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_HOME: join(aFile, "data"), ...extra })
      const result = runCli(["backfill"], { env })
      expect(result.status).not.toBe(0)
      expect(result.stderr.trim().split("\n")).toHaveLength(1)
      expect(result.stderr).toContain("ENOTDIR")
      expect(result.stderr).not.toContain("unexpected error")
      expect(result.stderr).not.toMatch(/^\s+at /m)
    },
  )
})
