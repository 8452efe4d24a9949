import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** Lines shaped like Claude Code 2.1's transcripts (compact JSON, envelope keys in its order). */
export interface LineContext {
  readonly sessionId: string
  readonly cwd?: string
  readonly gitBranch?: string
  readonly version?: string
}

let counter = 0
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`

const envelope = (context: LineContext) => ({
  parentUuid: null,
  isSidechain: false,
  userType: "external",
  cwd: context.cwd ?? "/home/dev/projects/shop",
  sessionId: context.sessionId,
  version: context.version ?? "2.1.39",
  gitBranch: context.gitBranch ?? "main",
})

export interface Usage {
  readonly input?: number
  readonly output?: number
  readonly cacheWrite5m?: number
  readonly cacheWrite1h?: number
  readonly cacheRead?: number
}

export const apiUsage = (usage: Usage) => ({
  input_tokens: usage.input ?? 0,
  cache_creation_input_tokens: (usage.cacheWrite5m ?? 0) + (usage.cacheWrite1h ?? 0),
  cache_read_input_tokens: usage.cacheRead ?? 0,
  cache_creation: { ephemeral_5m_input_tokens: usage.cacheWrite5m ?? 0, ephemeral_1h_input_tokens: usage.cacheWrite1h ?? 0 },
  output_tokens: usage.output ?? 0,
  service_tier: "standard",
})

export interface AssistantLine {
  readonly messageId: string
  readonly requestId?: string | null
  readonly model?: string
  readonly usage: Usage
  readonly timestamp: string
  readonly block?: Readonly<Record<string, unknown>>
  readonly extra?: Readonly<Record<string, unknown>>
}

export const assistant = (context: LineContext, line: AssistantLine): string =>
  JSON.stringify({
    ...envelope(context),
    message: {
      model: line.model ?? "claude-opus-4-6",
      id: line.messageId,
      type: "message",
      role: "assistant",
      content: [line.block ?? { type: "text", text: "ok" }],
      stop_reason: null,
      usage: apiUsage(line.usage),
    },
    ...(line.requestId === null ? {} : { requestId: line.requestId ?? `req_${line.messageId}` }),
    type: "assistant",
    uuid: uuid(),
    timestamp: line.timestamp,
    ...line.extra,
  })

export const userPrompt = (context: LineContext, text: string, timestamp: string, extra: Readonly<Record<string, unknown>> = {}): string =>
  JSON.stringify({ ...envelope(context), type: "user", message: { role: "user", content: text }, uuid: uuid(), timestamp, ...extra })

export const toolResult = (context: LineContext, toolUseId: string, timestamp: string): string =>
  JSON.stringify({
    ...envelope(context),
    type: "user",
    message: { role: "user", content: [{ tool_use_id: toolUseId, type: "tool_result", content: "done" }] },
    uuid: uuid(),
    timestamp,
  })

/** What a Task tool's progress line looks like: it embeds a copy of the subagent's message. */
export const agentProgress = (context: LineContext, copied: string, timestamp: string): string =>
  JSON.stringify({
    ...envelope(context),
    type: "progress",
    data: { message: JSON.parse(copied), type: "agent_progress", prompt: "survey", agentId: "a1" },
    toolUseID: "agent_msg_1",
    parentToolUseID: "toolu_1",
    uuid: uuid(),
    timestamp,
  })

export const metadata = (type: string, fields: Readonly<Record<string, unknown>>): string => JSON.stringify({ type, ...fields })

/** A fresh Claude data dir with `projects/<slug>/`. */
export const claudeHome = () => {
  const home = mkdtempSync(join(tmpdir(), "csl-claude-"))
  const projectDir = join(home, ".claude", "projects", "-home-dev-projects-shop")
  mkdirSync(projectDir, { recursive: true })
  return { home, claudeDir: join(home, ".claude"), projectDir }
}

export const writeLines = (path: string, lines: ReadonlyArray<string>) => {
  mkdirSync(join(path, ".."), { recursive: true })
  writeFileSync(path, lines.map((line) => `${line}\n`).join(""))
}
