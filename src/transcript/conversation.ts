import { forEachLine } from "./line-reader.js"

export interface Turn {
  readonly role: "user" | "assistant" | "tool"
  readonly text: string
}

type Json = Readonly<Record<string, unknown>>
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value)

/** A tool call in one line: its name and the gist of its input. */
const toolCall = (block: Json): string => {
  const input = isObject(block.input) ? block.input : {}
  const gist = ["command", "file_path", "pattern", "path", "url", "skill", "description", "prompt"]
    .map((key) => input[key])
    .find((value): value is string => typeof value === "string")
  return `⚙ ${String(block.name ?? "tool")}${gist === undefined ? "" : `: ${gist.split("\n")[0]?.slice(0, 120)}`}`
}

/** The turns one parsed transcript line holds: what the viewer shows and content search searches. */
export const turnsOfLine = (parsed: unknown): ReadonlyArray<Turn> => {
  if (!isObject(parsed)) return []
  const line = parsed
  if (line.isMeta === true || (line.type !== "user" && line.type !== "assistant") || !isObject(line.message)) return []
  const content = line.message.content
  if (typeof content === "string") {
    return content.startsWith("<") ? [] : [{ role: line.type, text: content }]
  }
  if (!Array.isArray(content)) return []
  return content.filter(isObject).flatMap((block): ReadonlyArray<Turn> => {
    if (block.type === "text" && typeof block.text === "string" && !block.text.startsWith("<")) {
      return [{ role: line.type as "user" | "assistant", text: block.text }]
    }
    if (block.type === "tool_use") return [{ role: "tool", text: toolCall(block) }]
    return [] // tool results, thinking and images are summarised away
  })
}

/**
 * The conversation in a transcript: user and assistant text, tool calls in one line each. Capped
 * at `maxTurns` so a huge transcript opens at once; the last turn says what was left out.
 */
export const readConversation = (path: string, maxTurns = 2000): ReadonlyArray<Turn> => {
  const turns: Array<Turn> = []
  let capped = false
  forEachLine(path, (raw) => {
    if (turns.length >= maxTurns) {
      capped = true
      return "stop"
    }
    try {
      turns.push(...turnsOfLine(JSON.parse(raw.toString("utf8"))))
    } catch {
      // A malformed line has nothing to show.
    }
    return undefined
  })
  return capped ? [...turns, { role: "tool", text: `… the rest of this transcript is not shown (over ${maxTurns} turns)` }] : turns
}
