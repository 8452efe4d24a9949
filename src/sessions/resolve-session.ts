import { Effect } from "effect"
import type { Db } from "../store/database.js"
import { AmbiguousSession, SessionNotFound } from "./session-errors.js"
import { sessionsMatching } from "./session-queries.js"

/** The one recorded session `idOrPrefix` names: its full id or a prefix no other session shares. */
export const resolveSession = (db: Db, idOrPrefix: string) =>
  Effect.gen(function* () {
    const matches = yield* sessionsMatching(db, idOrPrefix)
    const [session, ...others] = matches
    if (session === undefined || idOrPrefix.trim() === "") return yield* new SessionNotFound({ query: idOrPrefix })
    if (others.length > 0) return yield* new AmbiguousSession({ query: idOrPrefix, candidates: matches })
    return session
  })
