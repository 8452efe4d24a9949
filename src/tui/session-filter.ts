import { isStubSession } from "../projections/stub-session.js"
import type { BrowserSession } from "./browser-model.js"

/** Every word of the query must appear in the title, project or end date (any case). */
export const filterSessions = (sessions: ReadonlyArray<BrowserSession>, query: string): ReadonlyArray<BrowserSession> => {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== "")
  if (words.length === 0) return sessions
  return sessions.filter((session) => {
    const haystack = `${session.title ?? ""} ${session.project} ${session.ended_at ?? ""}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}

/**
 * Applies typed input to the query character by character: fast typing and pastes arrive as one
 * string, with backspaces (DEL or ^H) among the letters. Other control characters are ignored.
 */
export const applyTyping = (query: string, input: string): string => {
  let next = query
  for (const character of input) {
    if (character === "\x7f" || character === "\b") next = next.slice(0, -1)
    else if (character >= " ") next += character
  }
  return next
}

/** Sessions with no conversation go to the end: still findable, never in the way at the top. */
export const stubsLast = (sessions: ReadonlyArray<BrowserSession>): ReadonlyArray<BrowserSession> => [
  ...sessions.filter((session) => !isStubSession(session)),
  ...sessions.filter(isStubSession),
]
