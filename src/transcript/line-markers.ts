/**
 * Byte markers that decide, before any decoding, whether a line is worth JSON-parsing. Inside a
 * JSON string every quote is escaped, so an unescaped `"key":"value"` pair below can only be a
 * real key in the line. The parsed object, not the marker, has the final word.
 */
const marker = (text: string) => Buffer.from(text, "utf8")

/** A top-level progress line (`"type":"progress","data":{…}`); its agent_progress copies never count. */
const progressLine = marker(`"type":"progress","data":`)
/**
 * Claude Code writes a user line's top-level type (`"type":"user"`) before its message: found in
 * the line's head. It and progressLine begin alike: the head is searched for that beginning once.
 */
const typeKey = marker(`"type":"`)
const progressValue = progressLine.subarray(typeKey.length)
const userValue = marker(`user"`)
/** How much of a line's start holds the envelope keys (cwd, sessionId, …, type) of user and progress lines. */
export const headBytes = 1024
/**
 * An assistant line names its role at the head of its message, before the content; its top-level
 * type comes only after the content, at the end of the line.
 */
const assistantRole = marker(`"role":"assistant"`)
/** Only tool-result user lines carry this key unescaped. */
const toolResult = marker(`"tool_use_id"`)

/** Whether `line` holds `text` at `at`, entirely. */
const holdsAt = (line: Buffer, at: number, text: Buffer): boolean => {
  if (at + text.length > line.length) return false
  for (let index = 0; index < text.length; index++) if (line[at + index] !== text[index]) return false
  return true
}

const errorKey = marker(`"is_error"`)
/**
 * Searched for instead of the whole key: a needle that starts with a quote stops at every quote
 * of the line, one that starts with `_` rarely stops at all (six times faster on tool output).
 */
const errorKeyHead = errorKey.subarray(0, 3)
const errorKeyTail = errorKey.subarray(3)

/**
 * Whether a line holds `"is_error": true` (with or without spaces): a failed tool call's result
 * says so, and only then is its line parsed.
 */
export const saysIsErrorTrue = (line: Buffer): boolean => {
  for (let tail = line.indexOf(errorKeyTail, errorKeyHead.length); tail !== -1; tail = line.indexOf(errorKeyTail, tail + 1)) {
    const at = tail - errorKeyHead.length
    if (!holdsAt(line, at, errorKeyHead)) continue
    let next = at + errorKey.length
    while (line[next] === 0x20 || line[next] === 0x3a) next++
    if (line[next] === 0x74) return true
  }
  return false
}

/**
 * `"usage"`, and `"user"` as a value token rather than a `"type":"user"` pair, so JSON written with
 * spaces after colons still matches: a line parsed needlessly costs time, a line skipped wrongly
 * would cost correctness. They begin alike, so a line is searched for that beginning once.
 */
const quotedUs = marker(`"us`)
const userRest = marker(`er"`)
const usageRest = marker(`age"`)
/** Small metadata lines: titles, Claude Code's own cost figure, skills attachments. */
const metadataLines = [
  marker(`"summary"`),
  marker(`"ai-title"`),
  marker(`"custom-title"`),
  marker(`"cost-state"`),
  marker(`"invoked_skills"`),
]
/**
 * A file-history-snapshot line (its type comes first) has no top-level timestamp: the times
 * nested in its snapshot are when files were backed up, not when the conversation happened.
 */
export const fileHistorySnapshot = marker(`"type":"file-history-snapshot"`)

const timestampName = marker(`"timestamp"`)
/**
 * A tool result's structured copy: it follows the line's own time, and can hold times of its own.
 * Searched for by its tail, as `"is_error"` is: most of a tool result line's bytes are its output,
 * and a needle starting with `U` is skipped to far faster than one starting with a quote.
 */
const toolUseResultHead = marker(`"tool`)
const toolUseResultTail = marker(`UseResult"`)

/** Where the value begins after a quoted name that ends at `at`, past a colon and any spaces; -1 when no colon follows (the name was a value). */
const valueAfter = (line: Buffer, at: number): number => {
  let next = at
  while (line[next] === 0x20) next++
  if (line[next] !== 0x3a) return -1
  next++
  while (line[next] === 0x20) next++
  return next
}

/** Where the first key named by `head` and `tail` begins, found by its tail, or -1. */
const firstKey = (line: Buffer, head: Buffer, tail: Buffer): number => {
  for (let at = line.indexOf(tail, head.length); at !== -1; at = line.indexOf(tail, at + 1)) {
    if (holdsAt(line, at - head.length, head) && valueAfter(line, at + tail.length) !== -1) return at - head.length
  }
  return -1
}

/** The value's start of the last key `name` that begins before `before`, or -1. */
const lastKeyBefore = (line: Buffer, name: Buffer, before: number): number => {
  for (let at = before <= 0 ? -1 : line.lastIndexOf(name, before - 1); at !== -1; at = at === 0 ? -1 : line.lastIndexOf(name, at - 1)) {
    const value = valueAfter(line, at + name.length)
    if (value !== -1) return value
  }
  return -1
}

/**
 * The line's own `"timestamp"` without parsing it (with or without spaces around the colon): the
 * last one (the envelope's comes after the message, and after any nested copy of a message), but
 * before a tool's `toolUseResult`, whose structured content (an MCP tool's, say) can hold a
 * `timestamp` of its own.
 */
export const lastTimestamp = (line: Buffer): string | undefined => {
  const result = firstKey(line, toolUseResultHead, toolUseResultTail)
  const beforeResult = result === -1 ? -1 : lastKeyBefore(line, timestampName, result)
  const value = beforeResult === -1 ? lastKeyBefore(line, timestampName, line.length) : beforeResult
  if (value === -1 || line[value] !== 0x22) return undefined
  const end = line.indexOf(0x22, value + 1)
  return end === -1 || end - value - 1 > 40 ? undefined : line.toString("latin1", value + 1, end)
}

const progressMark = 1
const userMark = 2
const usageMark = 4

/**
 * Which of several markers that begin with the same `prefix` a text holds, in one pass: every
 * match of any starts at a match of the prefix. Each marker is the prefix and its rest.
 */
const markersSharing = (text: Buffer, prefix: Buffer, rests: ReadonlyArray<readonly [Buffer, number]>): number => {
  let marks = 0
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
    for (const [rest, mark] of rests) if (holdsAt(text, at + prefix.length, rest)) marks |= mark
  }
  return marks
}

/** progressLine and `"type":"user"`, looked for in a line's head. */
const headTypes = [[progressValue, progressMark], [userValue, userMark]] as const
/** `"user"` and `"usage"`, looked for in a whole line. */
const userOrUsage = [[userRest, userMark], [usageRest, usageMark]] as const

/**
 * What a line is, as far as counting goes, told from bytes alone:
 * - `parse`: worth JSON-parsing (a prompt, an assistant line, usage, a small metadata line);
 * - `progress`: a line whose head says it is a progress line: its copies of other lines never count;
 * - `toolResult`: a user line carrying tool results, read only for its time and failed calls;
 * - `other`: anything else not worth parsing (a file-history snapshot, a system line, …).
 */
export type LineKind = "parse" | "progress" | "toolResult" | "other"

/**
 * A user line holds tool results or is parsed. The whole line is searched: a long envelope (a deep
 * cwd) can push the result's key past the head, and a parsed result would never be read for a
 * failed call. A prompt is parsed in full anyway, and a result names its key first.
 */
const userKind = (line: Buffer): LineKind => (line.indexOf(toolResult) === -1 ? "parse" : "toolResult")

/**
 * The kind of a line, decided from its head where Claude Code's key order allows, so large tool
 * results and progress copies are never scanned in full. The first `"type":"…"` pair of a user or
 * progress line is its own type (the envelope keys before it hold none), and an assistant line
 * names its role at the head of its message: those three are told from the head alone, with one
 * search for the pair. Any other line goes through every rule, in order: a progress marker in the
 * head, a user line unless it holds a tool result, an assistant role in the head, a progress
 * marker further on, `"user"` or `"usage"` anywhere, a small metadata line.
 */
export const lineKind = (line: Buffer): LineKind => {
  const long = line.length > headBytes
  const head = long ? line.subarray(0, headBytes) : line
  const firstType = head.indexOf(typeKey)
  if (firstType !== -1) {
    const value = firstType + typeKey.length
    if (holdsAt(head, value, progressValue)) return "progress"
    if (holdsAt(head, value, userValue)) return userKind(line)
  }
  if (head.indexOf(assistantRole) !== -1) return "parse"
  const inHead = firstType === -1 ? 0 : markersSharing(head, typeKey, headTypes)
  if ((inHead & progressMark) !== 0) return "progress"
  if ((inHead & userMark) !== 0) return userKind(line)
  // The head holds no progress marker: one further on starts where it no longer fits in the head.
  // Not parsed, but read like any other line (only a head that says progress vouches for its results).
  if (long && line.indexOf(progressLine, headBytes - progressLine.length + 1) !== -1) return "other"
  const marks = markersSharing(line, quotedUs, userOrUsage)
  if ((marks & userMark) !== 0) return userKind(line)
  if ((marks & usageMark) !== 0) return "parse"
  return metadataLines.some((metadata) => line.indexOf(metadata) !== -1) ? "parse" : "other"
}
