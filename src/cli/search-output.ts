import type { SearchHit } from "../search/index-query.js"
import { resumeLines, withResumeCommand } from "../sessions/resume-command.js"
import { printableLine } from "../terminal/printable-text.js"
import { sessionsTable } from "./session-text.js"

export const defaultSearchLimit = 20

/**
 * What `search` prints: shared by the full CLI and the launcher's fast path, so both print the
 * same. With `resume`, each hit's resume command (a `resume_command` field in JSON).
 */
export const searchOutput = (hits: ReadonlyArray<SearchHit>, term: string, json: boolean, resume: boolean): string => {
  if (json) return JSON.stringify(resume ? withResumeCommand(hits) : hits, null, 2)
  if (hits.length === 0) return `No session matches "${term}".`
  const lines = hits.flatMap((hit) =>
    hit.matching_line === undefined ? [] : [`${hit.session_id.slice(0, 8)} line ${hit.matching_line.line_number}: ${printableLine(hit.matching_line.text)}`]
  )
  return [sessionsTable(hits), ...lines, ...(resume ? resumeLines(hits) : [])].join("\n")
}
