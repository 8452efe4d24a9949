import { isUtf8 } from "node:buffer"
import { addUsage, invalidTokenCounts, type TokenUsage, usageFromApi, zeroUsage } from "./usage.js"
import * as markers from "./line-markers.js"
import { type ToolCall, toolTarget } from "./tool-calls.js"

/** One counted API response: its final usage, model and time. */
export interface CountedResponse {
  /** `message.id:requestId`, the same in every file that holds a copy of this response. */
  readonly key: string
  readonly model: string
  /** The time of its final line, the one whose usage counts. */
  readonly timestamp: string
  readonly usage: TokenUsage
  /** Counted from a line marked as another session's copy, because that session's transcript is gone. */
  readonly copied: boolean
}

/** What a session's transcript files say, after every counting rule. */
export interface ParsedSession {
  readonly sessionId: string
  readonly cwd: string | null
  readonly gitBranch: string | null
  readonly ccVersion: string | null
  readonly title: string | null
  /** The title is the first prompt's line (no custom, AI or summary title): words the user typed. */
  readonly titleFromPrompt: boolean
  readonly startedAt: string | null
  readonly endedAt: string | null
  readonly messageCount: number
  readonly toolCallCount: number
  readonly skillsUsed: ReadonlyArray<string>
  /** One per (message.id, requestId), main file and subagents together. */
  readonly responses: ReadonlyArray<CountedResponse>
  readonly malformedLines: number
  /** Claude Code's own cumulative cost (`cost-state`), kept as a cross-check. */
  readonly ccCostUsd: number | null
  /** Every tool call, main file and subagents, in the order they were made; never synced. */
  readonly toolCalls: ReadonlyArray<ToolCall>
}

type Json = Readonly<Record<string, unknown>>
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value)
/**
 * A transcript's text, with any half of a surrogate pair (a writer that cut an emoji in two, saved
 * as its `\ud83d` escape) made U+FFFD: JSON holding one is refused by DuckDB's JSON functions,
 * which would then fail on the payload of every event carrying it.
 */
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value.toWellFormed() : undefined)

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0d
const looksLikeObject = (line: Buffer): boolean => {
  let start = 0
  let end = line.length - 1
  while (start < end && isSpace(line[start])) start++
  while (end > start && isSpace(line[end])) end--
  return line[start] === 0x7b && line[end] === 0x7d
}

const commandWrapper = /^\s*<(command-|local-command-|bash-|user-prompt-submit-hook|system-reminder)/

/** The first line of a human prompt, or nothing if the user line is not one. */
const humanPrompt = (line: Json): string | undefined => {
  if (line.isMeta === true || line.isCompactSummary === true) return undefined
  const message = isObject(line.message) ? line.message : undefined
  const content = message?.content
  const prompt = typeof content === "string"
    ? text(content) ?? ""
    : Array.isArray(content)
    ? content.filter(isObject).filter((block) => block.type === "text").map((block) => text(block.text) ?? "").join("\n")
    : ""
  if (prompt.trim() === "" || commandWrapper.test(prompt) || prompt.startsWith("[Request interrupted")) return undefined
  const firstLine = prompt.trim().split("\n")[0]?.trim() ?? ""
  if (firstLine.length <= 200) return firstLine
  // Cut between characters: an emoji's first half left at the end would be a surrogate alone.
  const end = isHighSurrogate(firstLine.charCodeAt(198)) ? 198 : 199
  return `${firstLine.slice(0, end)}…`
}

/**
 * Folds the lines of one session's files into a ParsedSession. Feed the main transcript with
 * `inMain` true and each subagent file with `inMain` false: subagents add spend, not metadata.
 */
export class SessionAccumulator {
  private readonly responses = new Map<string, CountedResponse>()
  private readonly skills = new Set<string>()
  private readonly toolUseIds = new Set<string>()
  private readonly assistantMessages = new Set<string>()
  private readonly toolCalls = new Map<string, Omit<ToolCall, "errored">>()
  private readonly erroredToolUses = new Set<string>()
  private cwd: string | null = null
  private gitBranch: string | null = null
  private ccVersion: string | null = null
  private customTitle: string | undefined
  private aiTitle: string | undefined
  private summary: string | undefined
  private firstPrompt: string | undefined
  private startedAt: string | null = null
  private endedAt: string | null = null
  private prompts = 0
  private malformed = 0
  private ccCostUsd: number | null = null

  /**
   * @param originExists whether another session's transcript is still on disk: a copied line
   *   counts for the session it came from while that session can count it, and here otherwise.
   */
  constructor(readonly sessionId: string, private readonly originExists: (sessionId: string) => boolean) {}

  addLine(line: Buffer, inMain: boolean): void {
    if (line.length === 0 || (line.length === 1 && line[0] === 0x0d)) return
    const kind = markers.lineKind(line)
    if (kind !== "parse") {
      // Not parsed, so checked cheaply: an object's braces at both ends, and valid UTF-8.
      if (!looksLikeObject(line) || !isUtf8(line)) this.malformed++
      else {
        if (inMain && (kind !== "other" || !this.isFileHistorySnapshot(line))) this.noteTime(markers.lastTimestamp(line))
        if (kind !== "progress") this.noteToolErrors(line)
      }
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(strictUtf8.decode(line))
    } catch {
      this.malformed++
      return
    }
    if (!isObject(parsed)) {
      this.malformed++
      return
    }
    if (inMain) this.noteTime(text(parsed.timestamp))
    this.addParsed(parsed, inMain)
  }

  /**
   * Tool results are not parsed for counting; only one that says `"is_error":true` is, to mark
   * its call as failed (progress lines, whose head says so, never hold a result of this session).
   */
  private noteToolErrors(line: Buffer): void {
    if (!markers.saysIsErrorTrue(line)) return
    try {
      const parsed: unknown = JSON.parse(strictUtf8.decode(line))
      const content = isObject(parsed) && isObject(parsed.message) ? parsed.message.content : undefined
      if (!Array.isArray(content)) return
      for (const block of content) {
        const id = isObject(block) && block.type === "tool_result" && block.is_error === true ? text(block.tool_use_id) : undefined
        if (id !== undefined) this.erroredToolUses.add(id)
      }
    } catch {
      // A damaged result line marks nothing.
    }
  }

  private isFileHistorySnapshot(line: Buffer): boolean {
    const head = line.length > markers.headBytes ? line.subarray(0, markers.headBytes) : line
    return head.indexOf(markers.fileHistorySnapshot) !== -1
  }

  private noteTime(timestamp: string | undefined): void {
    if (timestamp === undefined) return
    if (this.startedAt === null || timestamp < this.startedAt) this.startedAt = timestamp
    if (this.endedAt === null || timestamp > this.endedAt) this.endedAt = timestamp
  }

  /**
   * A line copied from another session (a fork marks it `forkedFrom`; an old-style resume keeps
   * the original `sessionId`) counts for the session where it first appeared.
   */
  private isCopy(line: Json): boolean {
    const origin = this.markedOrigin(line)
    return origin !== undefined && this.originExists(origin)
  }

  /** The session a line says it was copied from, if it says so. */
  private markedOrigin(line: Json): string | undefined {
    const origin = isObject(line.forkedFrom) ? text(line.forkedFrom.sessionId) : text(line.sessionId)
    return origin === this.sessionId ? undefined : origin
  }

  private addParsed(line: Json, inMain: boolean): void {
    switch (line.type) {
      case "assistant":
        return this.addAssistant(line, inMain)
      case "user":
        if (inMain && !this.isCopy(line)) {
          this.noteEnvironment(line)
          const prompt = humanPrompt(line)
          if (prompt !== undefined) {
            this.prompts++
            this.firstPrompt ??= prompt
          }
        }
        return
      case "summary":
        this.summary = text(line.summary) ?? this.summary
        return
      case "ai-title":
        this.aiTitle = text(line.aiTitle) ?? this.aiTitle
        return
      case "custom-title":
        this.customTitle = text(line.customTitle) ?? this.customTitle
        return
      case "cost-state":
        // 1e400 parses as Infinity, which no JSON payload can carry: it is no figure.
        if (inMain && typeof line.totalCostUSD === "number" && Number.isFinite(line.totalCostUSD)) this.ccCostUsd = line.totalCostUSD
        return
      case "attachment":
        return this.addAttachment(line)
      case undefined:
        // Claude Code before 1.0.9 wrote usage lines without a type.
        if (isObject(line.message) && line.message.role === "assistant") this.addAssistant(line, inMain)
        return
      default:
        return // unknown and irrelevant types are skipped, never fatal
    }
  }

  private noteEnvironment(line: Json): void {
    if (this.cwd === null) this.cwd = text(line.cwd) ?? null
    this.gitBranch = text(line.gitBranch) ?? this.gitBranch
    this.ccVersion = text(line.version) ?? this.ccVersion
  }

  private addAssistant(line: Json, inMain: boolean): void {
    if (this.isCopy(line)) return
    const message = isObject(line.message) ? line.message : undefined
    if (message === undefined) return
    if (inMain) this.noteEnvironment(line)
    const messageId = text(message.id)
    if (inMain && messageId !== undefined) this.assistantMessages.add(messageId)
    if (Array.isArray(message.content)) {
      for (const block of message.content) {
        if (!isObject(block) || block.type !== "tool_use") continue
        const id = text(block.id)
        if (inMain && id !== undefined) this.toolUseIds.add(id)
        if (id !== undefined && typeof block.name === "string" && !this.toolCalls.has(id)) {
          const input = isObject(block.input) ? block.input : {}
          this.toolCalls.set(id, { toolUseId: id, tool: block.name, target: toolTarget(block.name, input), calledAt: text(line.timestamp) ?? null, inSubagent: !inMain })
        }
        if (block.name === "Skill" && isObject(block.input)) {
          const skill = text(block.input.skill)
          if (skill !== undefined) this.skills.add(skill)
        }
      }
    }
    const model = text(message.model)
    if (model === undefined || model === "<synthetic>" || !isObject(message.usage)) return
    const timestamp = text(line.timestamp)
    if (timestamp === undefined) return
    const key = `${messageId ?? text(line.uuid) ?? timestamp}:${text(line.requestId) ?? ""}`
    const usage = usageFromApi(message.usage)
    if (invalidTokenCounts(message.usage) > 0) this.malformed++
    const previous = this.responses.get(key)
    // A response is written as one line per content block; the final one has the full output,
    // and its time is the response's time, even when the first block was written the day before.
    if (previous === undefined || usage.outputTokens >= previous.usage.outputTokens) {
      this.responses.set(key, { key, model, timestamp, usage, copied: this.markedOrigin(line) !== undefined })
    }
  }

  private addAttachment(line: Json): void {
    const attachment = isObject(line.attachment) ? line.attachment : undefined
    if (attachment?.type !== "invoked_skills") return
    const skills = attachment.skills ?? attachment.invokedSkills
    if (!Array.isArray(skills)) return
    for (const skill of skills) {
      const name = typeof skill === "string" ? skill : isObject(skill) ? text(skill.name) ?? text(skill.skill) : undefined
      if (name !== undefined) this.skills.add(name)
    }
  }

  result(): ParsedSession {
    return {
      sessionId: this.sessionId,
      cwd: this.cwd,
      gitBranch: this.gitBranch,
      ccVersion: this.ccVersion,
      title: this.customTitle ?? this.aiTitle ?? this.summary ?? this.firstPrompt ?? null,
      titleFromPrompt: (this.customTitle ?? this.aiTitle ?? this.summary) === undefined && this.firstPrompt !== undefined,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      messageCount: this.prompts + this.assistantMessages.size,
      toolCallCount: this.toolUseIds.size,
      skillsUsed: [...this.skills].sort(),
      responses: [...this.responses.values()],
      malformedLines: this.malformed,
      ccCostUsd: this.ccCostUsd,
      toolCalls: [...this.toolCalls.values()].map((call) => ({ ...call, errored: this.erroredToolUses.has(call.toolUseId) })),
    }
  }
}

/** Sum of the counted usage, per model. */
export const usageByModel = (responses: ReadonlyArray<CountedResponse>): Map<string, TokenUsage> => {
  const byModel = new Map<string, TokenUsage>()
  for (const response of responses) byModel.set(response.model, addUsage(byModel.get(response.model) ?? zeroUsage, response.usage))
  return byModel
}
