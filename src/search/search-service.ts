import { Effect, Schema } from "effect"
import { LocalStore } from "../store/local-store.js"
import { listSessions, SessionView } from "../sessions/session-queries.js"
import { firstMatchIn } from "./content-search.js"
import { filesContaining } from "./files-containing.js"

/** A session found by `search`: the sessions shape, plus the matching line when the match is in the content. */
export const SearchHit = Schema.Struct({
  ...SessionView.fields,
  matching_line: Schema.optional(Schema.Struct({ line_number: Schema.Number, text: Schema.String })),
})
export type SearchHit = typeof SearchHit.Type

const TranscriptRow = Schema.Struct({ session_id: Schema.String, transcript_path: Schema.String })

/** Finds sessions by their metadata and, when asked, by what was said in them. */
export class Search extends Effect.Service<Search>()("Search", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore

    const search = (text: string, options: { readonly content: boolean; readonly limit: number }) =>
      Effect.gen(function* () {
        const { sessions, transcripts, byMetadata } = yield* store.use(({ db }) =>
          Effect.all({
            byMetadata: listSessions(db, { search: text }),
            sessions: options.content ? listSessions(db, {}) : Effect.succeed([]),
            transcripts: options.content
              ? db.all(TranscriptRow, `SELECT session_id, transcript_path FROM sessions WHERE transcript_path IS NOT NULL`)
              : Effect.succeed([]),
          })
        )
        const hits: Array<SearchHit> = byMetadata.slice(0, options.limit)
        if (!options.content || hits.length >= options.limit) return hits
        // The database is closed again before the slow part: a recording hook never waits on a search.
        const found = yield* filesContaining(transcripts.map((row) => row.transcript_path), text)
        const pathOf = new Map(transcripts.map((row) => [row.session_id, row.transcript_path]))
        const already = new Set(hits.map((hit) => hit.session_id))
        for (const session of sessions) {
          if (hits.length >= options.limit) break
          const path = pathOf.get(session.session_id)
          if (path === undefined || already.has(session.session_id) || !found.has(path)) continue
          const match = firstMatchIn(path, text)
          hits.push(match === undefined ? session : { ...session, matching_line: { line_number: match.lineNumber, text: match.snippet } })
        }
        return hits
      })

    return { search } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
