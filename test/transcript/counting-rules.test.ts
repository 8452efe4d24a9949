import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseSession } from "../../src/transcript/parse-session.js"
import { usageByModel } from "../../src/transcript/session-accumulator.js"
import { sessionFilesOf } from "../../src/transcript/session-files.js"
import { agentProgress, assistant, claudeHome, metadata, toolResult, userPrompt, writeLines } from "../support/transcript-builder.js"

const main = { sessionId: "main-session" }
const t = (minute: number) => `2026-11-14T09:${String(minute).padStart(2, "0")}:00.000Z`

/** Writes the main transcript (and more files) and parses the session. */
const parse = (lines: ReadonlyArray<string>, more: (projectDir: string) => void = () => undefined) => {
  const { projectDir } = claudeHome()
  const mainPath = join(projectDir, "main-session.jsonl")
  writeLines(mainPath, lines)
  more(projectDir)
  return parseSession(sessionFilesOf(mainPath))
}

const totals = (lines: ReadonlyArray<string>, more?: (projectDir: string) => void) =>
  Object.fromEntries(usageByModel(parse(lines, more).responses))

describe("counting rules", () => {
  it("a response split into one line per content block counts once, with its final line's usage", () => {
    const split = [1, 7, 40].map((output, index) =>
      assistant(main, { messageId: "msg_1", requestId: "req_1", usage: { input: 10, output, cacheRead: 100 }, timestamp: t(index) })
    )
    expect(totals(split)["claude-opus-4-6"]).toEqual({
      inputTokens: 10, outputTokens: 40, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0, cacheReadTokens: 100,
    })
  })

  it("the same message id under another request id is another response", () => {
    const lines = [
      assistant(main, { messageId: "msg_1", requestId: "req_1", usage: { input: 10, output: 5 }, timestamp: t(0) }),
      assistant(main, { messageId: "msg_1", requestId: "req_2", usage: { input: 10, output: 5 }, timestamp: t(1) }),
    ]
    expect(totals(lines)["claude-opus-4-6"]?.inputTokens).toBe(20)
  })

  it("without a requestId, responses are deduplicated on message.id alone", () => {
    const lines = [
      assistant(main, { messageId: "msg_1", requestId: null, usage: { input: 10, output: 2 }, timestamp: t(0) }),
      assistant(main, { messageId: "msg_1", requestId: null, usage: { input: 10, output: 9 }, timestamp: t(1) }),
    ]
    expect(totals(lines)["claude-opus-4-6"]).toMatchObject({ inputTokens: 10, outputTokens: 9 })
  })

  it("<synthetic> messages are excluded", () => {
    const lines = [
      assistant(main, { messageId: "msg_1", usage: { input: 10 }, timestamp: t(0) }),
      assistant(main, { messageId: "msg_2", model: "<synthetic>", usage: { input: 99 }, timestamp: t(1) }),
    ]
    expect(Object.keys(totals(lines))).toEqual(["claude-opus-4-6"])
  })

  it("agent_progress copies of subagent messages are never counted", () => {
    const subagentMessage = assistant(main, { messageId: "msg_sub", model: "claude-haiku-4-5-20251001", usage: { input: 500 }, timestamp: t(1) })
    const lines = [
      assistant(main, { messageId: "msg_1", usage: { input: 10 }, timestamp: t(0) }),
      agentProgress(main, subagentMessage, t(1)),
    ]
    expect(totals(lines)).toEqual({ "claude-opus-4-6": expect.objectContaining({ inputTokens: 10 }) })
  })

  it("subagent files (new layout) add their spend to the parent session, not their metadata", () => {
    const sidechain = { sessionId: "main-session", cwd: "/elsewhere" }
    const parsed = parse(
      [userPrompt(main, "Refactor the cart", t(0)), assistant(main, { messageId: "msg_1", usage: { input: 10 }, timestamp: t(1) })],
      (projectDir) => {
        writeLines(join(projectDir, "main-session", "subagents", "agent-a1.jsonl"), [
          userPrompt(sidechain, "subagent task", t(2), { isSidechain: true }),
          assistant(sidechain, { messageId: "msg_sub", model: "claude-haiku-4-5-20251001", usage: { input: 500 }, timestamp: t(2) }),
        ])
        writeLines(join(projectDir, "main-session", "subagents", "agent-acompact-9f.jsonl"), [
          assistant(sidechain, { messageId: "msg_compact", usage: { input: 7000, output: 900 }, timestamp: t(3) }),
        ])
      },
    )
    const byModel = Object.fromEntries(usageByModel(parsed.responses))
    expect(byModel["claude-haiku-4-5-20251001"]?.inputTokens).toBe(500)
    expect(byModel["claude-opus-4-6"]?.inputTokens).toBe(7010)
    expect(parsed.cwd).toBe("/home/dev/projects/shop")
    expect(parsed.title).toBe("Refactor the cart")
  })

  it("legacy flat agent-*.jsonl files join the parent named by their sessionId", () => {
    const byModel = totals([assistant(main, { messageId: "msg_1", usage: { input: 10 }, timestamp: t(0) })], (projectDir) => {
      writeLines(join(projectDir, "agent-1a2b.jsonl"), [assistant(main, { messageId: "msg_legacy", usage: { input: 300 }, timestamp: t(1) })])
      writeLines(join(projectDir, "agent-3c4d.jsonl"), [
        assistant({ sessionId: "other-session" }, { messageId: "msg_other", usage: { input: 9999 }, timestamp: t(1) }),
      ])
    })
    expect(byModel["claude-opus-4-6"]?.inputTokens).toBe(310)
  })

  it("lines a fork copied (forkedFrom) count for the original session while its transcript exists", () => {
    const origin = { sessionId: "origin-session" }
    const original = assistant(origin, { messageId: "msg_old", usage: { input: 1000 }, timestamp: t(0) })
    const forkLines = [
      assistant(main, { messageId: "msg_old", usage: { input: 1000 }, timestamp: t(0), extra: { forkedFrom: { sessionId: "origin-session", messageUuid: "x" } } }),
      assistant(main, { messageId: "msg_new", usage: { input: 20 }, timestamp: t(5) }),
    ]
    expect(totals(forkLines, (projectDir) => writeLines(join(projectDir, "origin-session.jsonl"), [original]))["claude-opus-4-6"]?.inputTokens)
      .toBe(20)
    // Once Claude Code has deleted the original transcript, the fork is the only place left to count it.
    expect(totals(forkLines)["claude-opus-4-6"]?.inputTokens).toBe(1020)
  })

  it("lines an old-style resume copied (original sessionId) count once, for the session where they appeared", () => {
    const origin = { sessionId: "origin-session" }
    const copied = assistant(origin, { messageId: "msg_old", usage: { input: 1000 }, timestamp: t(0) })
    const byModel = totals([copied, assistant(main, { messageId: "msg_new", usage: { input: 20 }, timestamp: t(5) })], (projectDir) =>
      writeLines(join(projectDir, "origin-session.jsonl"), [copied]))
    expect(byModel["claude-opus-4-6"]?.inputTokens).toBe(20)
  })

  it("unknown line types are skipped; malformed lines are skipped and counted", () => {
    const { projectDir } = claudeHome()
    const path = join(projectDir, "main-session.jsonl")
    const good = assistant(main, { messageId: "msg_1", usage: { input: 10 }, timestamp: t(0) })
    const truncated = good.slice(0, good.length / 2)
    const invalidUtf8 = Buffer.concat([Buffer.from(good.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(good.slice(40))])
    writeFileSync(path, Buffer.concat([
      Buffer.from(`${metadata("some-future-type", { usage: 1, user: true })}\n${good}\n${truncated}\n`),
      invalidUtf8,
      Buffer.from(`\n["user","usage"]\n\n`),
    ]))
    const parsed = parseSession(sessionFilesOf(path))
    expect(parsed.malformedLines).toBe(3)
    expect(parsed.responses).toHaveLength(1)
  })

  it("a response whose first line is written before midnight and its final line after belongs to the final line's time", () => {
    const straddling = [
      assistant(main, { messageId: "msg_1", requestId: "req_1", usage: { input: 10, output: 3 }, timestamp: "2026-11-14T23:59:59.900Z" }),
      assistant(main, { messageId: "msg_1", requestId: "req_1", usage: { input: 10, output: 80 }, timestamp: "2026-11-15T00:00:00.400Z" }),
    ]
    expect(parse(straddling).responses).toEqual([expect.objectContaining({ timestamp: "2026-11-15T00:00:00.400Z", usage: expect.objectContaining({ outputTokens: 80 }) })])
  })

  it("the 5-minute and 1-hour cache writes are kept apart", () => {
    const lines = [assistant(main, { messageId: "msg_1", usage: { cacheWrite5m: 300, cacheWrite1h: 4000 }, timestamp: t(0) })]
    expect(totals(lines)["claude-opus-4-6"]).toMatchObject({ cacheWrite5mTokens: 300, cacheWrite1hTokens: 4000 })
  })
})

describe("session metadata", () => {
  const conversation = [
    userPrompt(main, "<command-name>/clear</command-name>", t(0)),
    userPrompt(main, "Caveat: the messages below were generated by the user", t(0), { isMeta: true }),
    userPrompt({ ...main, cwd: "/home/dev/projects/shop", gitBranch: "feature/cart" }, "Fix the flaky cart test\nIt fails on CI", t(1)),
    assistant({ ...main, version: "2.1.40", gitBranch: "" }, {
      messageId: "msg_1",
      usage: { input: 10 },
      timestamp: t(2),
      block: { type: "tool_use", id: "toolu_1", name: "Skill", input: { skill: "systematic-debugging" } },
    }),
    toolResult({ ...main, version: "2.1.40", gitBranch: "" }, "toolu_1", t(3)),
    assistant({ ...main, version: "2.1.40", gitBranch: "" }, {
      messageId: "msg_2",
      usage: { input: 10 },
      timestamp: t(4),
      block: { type: "tool_use", id: "toolu_2", name: "Bash", input: {} },
    }),
    metadata("attachment", { attachment: { type: "invoked_skills", skills: [{ name: "writing-plans" }] }, timestamp: t(5) }),
    metadata("cost-state", { totalCostUSD: 1.25, modelUsage: {} }),
  ]

  it("takes the first real human prompt as title, counts prompts, responses and tool calls, and collects skills", () => {
    const parsed = parse(conversation)
    expect(parsed).toMatchObject({
      title: "Fix the flaky cart test",
      cwd: "/home/dev/projects/shop",
      gitBranch: "feature/cart",
      ccVersion: "2.1.40",
      messageCount: 3,
      toolCallCount: 2,
      skillsUsed: ["systematic-debugging", "writing-plans"],
      startedAt: t(0),
      endedAt: t(5),
      ccCostUsd: 1.25,
    })
  })

  it("ended_at is the last top-level timestamp, never a time nested in a trailing file-history-snapshot", () => {
    const snapshot = metadata("file-history-snapshot", {
      messageId: "m1",
      snapshot: { messageId: "m1", trackedFileBackups: { "a.ts": { backupFileName: "x@v2", version: 2, backupTime: t(50) } }, timestamp: t(51) },
      isSnapshotUpdate: true,
    })
    expect(parse([...conversation, snapshot]).endedAt).toBe(t(5))
  })

  it("a tool result's time is its own, never one its structured toolUseResult holds", () => {
    const result = JSON.parse(toolResult(main, "toolu_1", t(6))) as Record<string, unknown>
    const structured = JSON.stringify({ ...result, toolUseResult: { structuredContent: { timestamp: "2030-01-01T00:00:00.000Z" } } })
    const earlier = JSON.stringify({ ...result, toolUseResult: { structuredContent: { timestamp: "2020-01-01T00:00:00.000Z" } } })
    expect(parse([...conversation, structured])).toMatchObject({ startedAt: t(0), endedAt: t(6) })
    expect(parse([...conversation, earlier])).toMatchObject({ startedAt: t(0), endedAt: t(6) })
  })

  it("prefers custom-title, then ai-title, then summary, the last of each", () => {
    const summary = [metadata("summary", { summary: "Old summary", leafUuid: "x" }), metadata("summary", { summary: "Cart test fix", leafUuid: "y" })]
    const aiTitle = [metadata("ai-title", { aiTitle: "Fixing flaky cart" })]
    const customTitle = [metadata("custom-title", { customTitle: "cart-flake" })]
    expect(parse([...conversation, ...summary]).title).toBe("Cart test fix")
    expect(parse([...conversation, ...summary, ...aiTitle]).title).toBe("Fixing flaky cart")
    expect(parse([...conversation, ...customTitle, ...summary, ...aiTitle]).title).toBe("cart-flake")
  })

  it("reads a single 10 MB line", () => {
    const huge = assistant(main, {
      messageId: "msg_1",
      usage: { input: 10, output: 3 },
      timestamp: t(0),
      block: { type: "tool_use", id: "toolu_big", name: "Write", input: { content: "x".repeat(10 * 1024 * 1024) } },
    })
    expect(parse([huge]).responses).toHaveLength(1)
  })
})
