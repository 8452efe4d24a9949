import { join } from "node:path"
import { assistant, type LineContext, userPrompt, writeLines } from "./transcript-builder.js"

/** A tool_use content block, as Claude Code writes one into an assistant line. */
export const toolUse = (id: string, name: string, input: Readonly<Record<string, unknown>>) => ({ type: "tool_use", id, name, input })

/** A tool_result line for `toolUseId`, failed or not. */
export const toolResultLine = (context: LineContext, toolUseId: string, timestamp: string, isError: boolean): string =>
  JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: "external",
    cwd: context.cwd ?? "/home/dev/projects/shop",
    sessionId: context.sessionId,
    type: "user",
    message: { role: "user", content: [{ tool_use_id: toolUseId, type: "tool_result", content: isError ? "boom" : "ok", ...(isError ? { is_error: true } : {}) }] },
    timestamp,
  })

export interface PlannedCall {
  readonly name: string
  readonly input: Readonly<Record<string, unknown>>
  readonly failed?: boolean
}

/**
 * Writes a session whose assistant makes `calls` in order, one response each, at one-minute
 * steps from `start`; returns the transcript's path.
 */
export const writeSessionWithCalls = (
  projectDir: string,
  context: LineContext,
  calls: ReadonlyArray<PlannedCall>,
  start = "2026-10-01T10:00:00.000Z",
  prompt = "Tidy up the build",
): string => {
  const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString()
  const lines = [userPrompt(context, prompt, at(0))]
  calls.forEach((call, index) => {
    const id = `toolu_${context.sessionId.slice(0, 4)}_${index}`
    lines.push(assistant(context, {
      messageId: `msg_${context.sessionId.slice(0, 4)}_${index}`,
      usage: { input: 100, output: 10 },
      timestamp: at(index + 1),
      block: { type: "tool_use", id, name: call.name, input: call.input },
    }))
    lines.push(toolResultLine(context, id, at(index + 1), call.failed === true))
  })
  const path = join(projectDir, `${context.sessionId}.jsonl`)
  writeLines(path, lines)
  return path
}
