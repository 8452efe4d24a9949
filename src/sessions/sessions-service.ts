import { Effect } from "effect"
import { LocalStore } from "../local-store/local-store.js"
import { AmbiguousSession, SessionNotFound } from "./session-errors.js"
import { listSessions, type SessionFilter, sessionModels, sessionsMatching } from "./session-queries.js"

/** Reading recorded sessions. */
export class Sessions extends Effect.Service<Sessions>()("Sessions", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore

    const list = (filter: SessionFilter) => store.read((db) => listSessions(db, filter))

    /** One session by its id or a unique prefix, with its per-model rows. */
    const show = (idOrPrefix: string) =>
      store.read((db) =>
        Effect.gen(function* () {
          const matches = yield* sessionsMatching(db, idOrPrefix)
          const [session, ...others] = matches
          if (session === undefined || idOrPrefix.trim() === "") return yield* new SessionNotFound({ query: idOrPrefix })
          if (others.length > 0) return yield* new AmbiguousSession({ query: idOrPrefix, candidates: matches })
          return { session, models: yield* sessionModels(db, session.session_id) }
        })
      )

    return { list, show } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
