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
