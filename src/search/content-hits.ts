import { Effect } from "effect"
import { firstMatchIn } from "./content-search.js"
import { filesContaining } from "./files-containing.js"

/** For each session whose transcript contains `term`: the readable line around the first match. */
export const contentHits = (
  sessions: ReadonlyArray<{ readonly session_id: string; readonly transcript_path: string | null }>,
  term: string,
  limit = Number.POSITIVE_INFINITY,
) =>
  Effect.gen(function* () {
    const withTranscript = sessions.flatMap((session) => (session.transcript_path === null ? [] : [{ ...session, path: session.transcript_path }]))
    const found = yield* filesContaining(withTranscript.map((session) => session.path), term)
    const hits = new Map<string, { readonly lineNumber: number; readonly snippet: string }>()
    for (const session of withTranscript) {
      if (hits.size >= limit) break
      if (!found.has(session.path)) continue
      const match = firstMatchIn(session.path, term)
      if (match !== undefined) hits.set(session.session_id, { lineNumber: match.lineNumber, snippet: match.snippet })
    }
    return hits
  })
