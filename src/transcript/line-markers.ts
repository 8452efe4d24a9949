/**
 * Byte markers that decide, before any decoding, whether a line is worth JSON-parsing. Inside a
 * JSON string every quote is escaped, so an unescaped `"key":"value"` pair below can only be a
 * real key in the line. The parsed object, not the marker, has the final word.
 */
const marker = (text: string) => Buffer.from(text, "utf8")

/** A top-level progress line (`"type":"progress","data":{…}`); its agent_progress copies never count. */
export const progressLine = marker(`"type":"progress","data":`)
/** Claude Code writes a user line's top-level type before its message: found in the line's head. */
export const userType = marker(`"type":"user"`)
/** How much of a line's start holds the envelope keys (cwd, sessionId, …, type) of user and progress lines. */
export const headBytes = 1024
/** Only tool-result user lines carry this key unescaped. */
export const toolResult = marker(`"tool_use_id"`)
const errorKey = marker(`"is_error"`)

/**
 * Whether a line holds `"is_error": true` (with or without spaces): a failed tool call's result
 * says so, and only then is its line parsed.
 */
export const saysIsErrorTrue = (line: Buffer): boolean => {
  for (let at = line.indexOf(errorKey); at !== -1; at = line.indexOf(errorKey, at + 1)) {
    let next = at + errorKey.length
    while (line[next] === 0x20 || line[next] === 0x3a) next++
    if (line[next] === 0x74) return true
  }
  return false
}
export const usage = marker(`"usage"`)
/**
 * Value tokens rather than `"type":"user"` pairs, so JSON written with spaces after colons still
 * matches: a line parsed needlessly costs time, a line skipped wrongly would cost correctness.
 */
export const userLine = marker(`"user"`)
/** Small metadata lines: titles, Claude Code's own cost figure, skills attachments. */
export const metadataLines = [
  marker(`"summary"`),
  marker(`"ai-title"`),
  marker(`"custom-title"`),
  marker(`"cost-state"`),
  marker(`"invoked_skills"`),
]
export const timestampKey = marker(`"timestamp":"`)
/**
 * A file-history-snapshot line (its type comes first) has no top-level timestamp: the times
 * nested in its snapshot are when files were backed up, not when the conversation happened.
 */
export const fileHistorySnapshot = marker(`"type":"file-history-snapshot"`)

/** The last `"timestamp":"…"` of a line without parsing it (the envelope's comes last). */
export const lastTimestamp = (line: Buffer): string | undefined => {
  const at = line.lastIndexOf(timestampKey)
  if (at === -1) return undefined
  const start = at + timestampKey.length
  const end = line.indexOf(0x22, start)
  return end === -1 || end - start > 40 ? undefined : line.toString("latin1", start, end)
}
