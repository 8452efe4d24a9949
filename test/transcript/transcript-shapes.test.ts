import { copyFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseSession } from "../../src/transcript/parse-session.js"
import { usageByModel } from "../../src/transcript/session-accumulator.js"
import { sessionFilesOf } from "../../src/transcript/session-files.js"
import { claudeHome } from "../support/transcript-builder.js"

/** Transcripts in the repository, shaped like real ones (see test/fixtures/transcripts/README.md). */
const fixtures = join(import.meta.dirname, "..", "fixtures", "transcripts")

const asSession = (file: string, sessionId: string) => {
  const { projectDir } = claudeHome()
  const path = join(projectDir, `${sessionId}.jsonl`)
  copyFileSync(join(fixtures, file), path)
  return parseSession(sessionFilesOf(path))
}

describe("transcripts shaped like Claude Code 2.1's", () => {
  it("short.jsonl: one response written as four lines counts once", () => {
    const parsed = asSession("short.jsonl", "55604662-cf2a-4331-851a-ec234028f8ca")
    expect(Object.fromEntries(usageByModel(parsed.responses))).toEqual({
      "claude-opus-4-6": { inputTokens: 3, outputTokens: 13, cacheWrite5mTokens: 0, cacheWrite1hTokens: 13835, cacheReadTokens: 11515 },
    })
    expect(parsed.title).toBe("mix phx.server doesnt seem to start")
    expect(parsed.malformedLines).toBe(0)
  })

  it("subagent.jsonl: a response's final line counts, and the agent_progress copies add nothing", () => {
    const parsed = asSession("subagent.jsonl", "491e126e-1e71-469c-ade2-fcc8af567c74")
    // By hand: msg_01A (final output 472), msg_01B (its Task call and its closing line), msg_01C (final output 589).
    expect(parsed.responses).toHaveLength(3)
    expect(Object.fromEntries(usageByModel(parsed.responses))).toEqual({
      "claude-opus-4-6": { inputTokens: 1 + 1562 + 1, outputTokens: 472 + 8 + 589, cacheWrite5mTokens: 0, cacheWrite1hTokens: 762 + 1427 + 563, cacheReadTokens: 34903 + 28160 + 35665 },
    })
    expect(parsed.title).toBe("Survey the repository layout")
  })
})
