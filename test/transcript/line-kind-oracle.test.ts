import { describe, expect, it, vi } from "vitest"
import { headBytes } from "../../src/transcript/line-markers.js"

/** The oracle: the same accumulator, but every line JSON-parsed (no byte-marker shortcut). */
const everyLineParsed = vi.hoisted(() => ({ on: false }))
vi.mock("../../src/transcript/line-markers.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/transcript/line-markers.js")>()
  return { ...original, lineKind: (line: Buffer) => (everyLineParsed.on ? "parse" : original.lineKind(line)) }
})
const { SessionAccumulator } = await import("../../src/transcript/session-accumulator.js")

const sessionId = "s1"
const read = (lines: ReadonlyArray<string>, parseAll: boolean) => {
  everyLineParsed.on = parseAll
  const accumulator = new SessionAccumulator(sessionId, () => false)
  for (const line of lines) accumulator.addLine(Buffer.from(line), true)
  const { responses, messageCount, toolCallCount, malformedLines, startedAt, endedAt, toolCalls, title } = accumulator.result()
  return { responses, messageCount, toolCallCount, malformedLines, startedAt, endedAt, toolCalls, title }
}

const usage = { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 100, cache_creation_input_tokens: 0 }
const pad = (n: number) => "x".repeat(n)
const cases: Record<string, ReadonlyArray<string>> = {
  "user line, message before type": [
    JSON.stringify({ sessionId, message: { role: "user", content: [{ type: "text", text: "hello" }] }, type: "user", timestamp: "2026-01-01T00:00:01.000Z" }),
  ],
  "assistant line whose head's first type pair is user (tool input)": [
    JSON.stringify({ sessionId, message: { role: "assistant", model: "claude-opus-4-6", id: "m1", content: [{ input: { type: "user" }, type: "tool_use", id: "t1", name: "X" }], usage }, type: "assistant", requestId: "r1", timestamp: "2026-01-01T00:00:02.000Z" }),
  ],
  "progress line with spaces after colons": [
    JSON.stringify({ sessionId, type: "progress", data: { message: { type: "assistant", message: { role: "assistant", model: "claude-opus-4-6", id: "m4", content: [], usage } } }, timestamp: "2026-01-01T00:00:06.000Z" }, null, 1).replaceAll("\n", ""),
  ],
  "assistant line with spaces after colons and CRLF": [
    `${JSON.stringify({ sessionId, message: { role: "assistant", model: "claude-opus-4-6", id: "m5", content: [{ type: "text", text: "ok" }], usage }, type: "assistant", requestId: "r5", timestamp: "2026-01-01T00:00:07.000Z" }, null, 1).replaceAll("\n", "")}\r`,
  ],
  "user pair cut at the head's end": [
    JSON.stringify({ sessionId, pad: pad(1024 - 29), type: "user", message: { role: "user", content: "cut prompt" }, timestamp: "2026-01-01T00:00:08.000Z" }),
  ],
  "progress pair cut at the head's end, assistant role further on": [
    JSON.stringify({ sessionId, pad: pad(1024 - 30), type: "progress", data: { message: { role: "assistant", model: "claude-opus-4-6", id: "m6", content: [], usage } }, timestamp: "2026-01-01T00:00:09.000Z" }),
  ],
  "assistant role before a progress pair in the head": [
    JSON.stringify({ sessionId, message: { role: "assistant", model: "claude-opus-4-6", id: "m7", content: [{ type: "tool_use", id: "t7", name: "X", input: { type: "progress", data: 1 } }], usage }, type: "assistant", requestId: "r7", timestamp: "2026-01-01T00:00:10.000Z" }),
  ],
  "user prompt whose role comes after a long envelope": [
    JSON.stringify({ sessionId, pad: pad(2000), type: "user", message: { role: "user", content: "late prompt" }, timestamp: "2026-01-01T00:00:11.000Z" }),
  ],
  "file-history snapshot whose head has a user pair": [
    JSON.stringify({ type: "file-history-snapshot", messageId: "x", snapshot: { type: "user", timestamp: "2020-01-01T00:00:00.000Z" } }),
    JSON.stringify({ sessionId, type: "user", message: { role: "user", content: "p" }, timestamp: "2026-01-01T00:00:14.000Z" }),
  ],
  "tool result whose structured toolUseResult holds times of its own, later and earlier": [
    JSON.stringify({ sessionId, type: "user", message: { role: "user", content: [{ tool_use_id: "t10", type: "tool_result", content: "ok" }] }, timestamp: "2026-01-01T00:00:17.000Z", toolUseResult: { structuredContent: { timestamp: "2030-01-01T00:00:00.000Z" } } }),
    JSON.stringify({ sessionId, type: "user", message: { role: "user", content: [{ tool_use_id: "t11", type: "tool_result", content: "ok" }] }, timestamp: "2026-01-01T00:00:18.000Z", toolUseResult: { items: [{ timestamp: "2020-01-01T00:00:00.000Z" }] } }),
  ],
  "tool result written with spaces after colons, its structured result holding a later time": [
    JSON.stringify({ sessionId, type: "user", message: { role: "user", content: [{ tool_use_id: "t12", type: "tool_result", content: "ok" }] }, timestamp: "2026-01-01T00:00:19.000Z", toolUseResult: { structuredContent: { timestamp: "2030-01-01T00:00:00.000Z" } } }, null, 1).replaceAll("\n", ""),
  ],
  "progress line whose data holds an is_error result": [
    JSON.stringify({ sessionId, message: { role: "assistant", model: "claude-opus-4-6", id: "m9", content: [{ type: "tool_use", id: "t9", name: "Bash", input: { command: "ls" } }], usage }, type: "assistant", requestId: "r9", timestamp: "2026-01-01T00:00:15.000Z" }),
    JSON.stringify({ sessionId, type: "progress", data: { message: { type: "user", message: { role: "user", content: [{ tool_use_id: "t9", type: "tool_result", content: "boom", is_error: true }] } } }, timestamp: "2026-01-01T00:00:16.000Z" }),
  ],
}

describe("the marker shortcut counts what parsing every line counts", () => {
  it.each(Object.entries(cases))("%s", (_, lines) => {
    expect(read(lines, false)).toEqual(read(lines, true))
  })
})

describe("a failed tool call", () => {
  // A long envelope (a deep cwd) pushes the result's tool_use_id past the head: the line is then
  // parsed as a prompt would be, and the parsed path never looks for is_error.
  it("is marked failed when its result's tool_use_id lies past the line's head", () => {
    // The cwd's length puts the user pair at the head's end and the tool_use_id just past it.
    const result = (cwd: string) => JSON.stringify({ parentUuid: null, isSidechain: false, userType: "external", cwd, sessionId, type: "user", message: { role: "user", content: [{ tool_use_id: "t8", type: "tool_result", content: "boom", is_error: true }] }, timestamp: "2026-01-01T00:00:13.000Z" })
    const typeAt = result("").indexOf(`"type":"user"`)
    const cwd = `/${"d".repeat(headBytes - 20 - typeAt)}`
    expect(result(cwd).indexOf(`"type":"user"`)).toBeLessThan(headBytes - 13)
    expect(result(cwd).indexOf(`"tool_use_id"`)).toBeGreaterThan(headBytes)
    const lines = [
      JSON.stringify({ sessionId, cwd, message: { role: "assistant", model: "claude-opus-4-6", id: "m8", content: [{ type: "tool_use", id: "t8", name: "Bash", input: { command: "ls" } }], usage }, type: "assistant", requestId: "r8", timestamp: "2026-01-01T00:00:12.000Z" }),
      result(cwd),
    ]
    expect(read(lines, false).toolCalls.map((call) => call.errored)).toEqual([true])
  })
})
