/** One tool call Claude made, as its transcript tells it: what was called, on what, when. */
export interface ToolCall {
  readonly toolUseId: string
  readonly tool: string
  /** The call's useful target (a file, a command, a URL, a query, an MCP server and tool), when it names one. */
  readonly target: string | null
  readonly calledAt: string | null
  /** Made by a subagent (its own transcript file) rather than the main conversation. */
  readonly inSubagent: boolean
  /** Its tool_result said `is_error`. */
  readonly errored: boolean
}

type Json = Readonly<Record<string, unknown>>
const field = (input: Json, key: string): string | null => {
  const value = input[key]
  return typeof value === "string" && value !== "" ? value : null
}

/** Which input field holds the target, per built-in tool. */
const targetField: Readonly<Record<string, string>> = {
  Read: "file_path",
  Write: "file_path",
  Edit: "file_path",
  MultiEdit: "file_path",
  NotebookEdit: "notebook_path",
  Bash: "command",
  WebFetch: "url",
  WebSearch: "query",
  Glob: "pattern",
  Grep: "pattern",
}

/** `mcp__server__tool` → `server tool`: the server and the tool it was asked to run. */
const mcpTarget = (tool: string): string | null => {
  const [, server, ...rest] = tool.split("__")
  return server === undefined || server === "" ? null : `${server} ${rest.join("__")}`.trim()
}

export const toolTarget = (tool: string, input: Json): string | null => {
  if (tool.startsWith("mcp__")) return mcpTarget(tool)
  const key = targetField[tool]
  return key === undefined ? null : field(input, key)
}

/** Tools whose call changes a file. */
export const fileChangingTools: ReadonlyArray<string> = ["Write", "Edit", "MultiEdit", "NotebookEdit"]
