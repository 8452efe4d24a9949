import { Effect, Schema } from "effect"
import { LocalStore } from "../store/local-store.js"
import { listSessions, SessionView } from "../sessions/session-queries.js"
import { contentHits } from "./content-hits.js"

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
        const already = new Set(hits.map((hit) => hit.session_id))
        const pathOf = new Map(transcripts.map((row) => [row.session_id, row.transcript_path]))
        const candidates = sessions
          .filter((session) => !already.has(session.session_id))
          .map((session) => ({ session_id: session.session_id, transcript_path: pathOf.get(session.session_id) ?? null }))
        const matches = yield* contentHits(candidates, text, options.limit - hits.length)
        for (const session of sessions) {
          const match = matches.get(session.session_id)
          if (match !== undefined) hits.push({ ...session, matching_line: { line_number: match.lineNumber, text: match.snippet } })
        }
        return hits
      })

    return { search } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
