import { describe, expect, it } from "vitest"
import { saysIsErrorTrue } from "../../src/transcript/line-markers.js"
import { toolTarget } from "../../src/transcript/tool-calls.js"

describe("tool call targets", () => {
  it.each([
    ["Read", { file_path: "/a/b.ts" }, "/a/b.ts"],
    ["NotebookEdit", { notebook_path: "/a/n.ipynb" }, "/a/n.ipynb"],
    ["Bash", { command: "ls -la" }, "ls -la"],
    ["WebFetch", { url: "https://x.dev", prompt: "p" }, "https://x.dev"],
    ["WebSearch", { query: "duckdb copy" }, "duckdb copy"],
    ["mcp__github__create_issue", { title: "t" }, "github create_issue"],
    ["mcp__my__server__do__it", {}, "my server__do__it"],
    ["Task", { prompt: "survey" }, null],
    ["Read", { file_path: "" }, null],
  ])("%s %j → %s", (tool, input, target) => expect(toolTarget(tool, input)).toBe(target))
})

describe("is_error markers", () => {
  it("finds a true is_error written with or without spaces, and never a false one", () => {
    expect(saysIsErrorTrue(Buffer.from(`{"content":[{"tool_use_id":"t","is_error":true}]}`))).toBe(true)
    expect(saysIsErrorTrue(Buffer.from(`{"content": [{"tool_use_id": "t", "is_error": true}]}`))).toBe(true)
    expect(saysIsErrorTrue(Buffer.from(`{"content":[{"is_error":false},{"is_error":true}]}`))).toBe(true)
    expect(saysIsErrorTrue(Buffer.from(`{"content":[{"tool_use_id":"t","is_error":false}]}`))).toBe(false)
    expect(saysIsErrorTrue(Buffer.from(`{"content":"it said \\"is_error\\" somewhere"}`))).toBe(false)
  })
})
