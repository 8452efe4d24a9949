import { Effect } from "effect"
import { LocalStore } from "../local-store/local-store.js"
import { resolveSession } from "./resolve-session.js"
import { listSessions, type SessionFilter, sessionModels } from "./session-queries.js"

/** Reading recorded sessions. */
export class Sessions extends Effect.Service<Sessions>()("Sessions", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore

    const list = (filter: SessionFilter) => store.read((db) => listSessions(db, filter))

    /** One session by its id or a unique prefix, with its per-model rows. */
    const show = (idOrPrefix: string) =>
      store.read((db) =>
        Effect.gen(function* () {
          const session = yield* resolveSession(db, idOrPrefix)
          return { session, models: yield* sessionModels(db, session.session_id) }
        })
      )

    return { list, show } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
