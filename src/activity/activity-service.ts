import { Effect } from "effect"
import { join } from "node:path"
import { AppConfig } from "../config/app-config.js"
import { resolveSession } from "../sessions/resolve-session.js"
import { LocalStore } from "../local-store/local-store.js"
import { type ActivityCall, type ActivityFilter, readCalls, sessionCounts } from "./activity-queries.js"
import { type CheckedCall, summarize } from "./activity-summary.js"
import { builtInPatterns, loadUserPatterns, riskOf } from "./risky-patterns.js"

/** The activity audit: what Claude's tool calls touched, from the local activity table. */
export class Activity extends Effect.Service<Activity>()("Activity", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const { paths } = yield* AppConfig

    const checked = (calls: ReadonlyArray<ActivityCall>): ReadonlyArray<CheckedCall> => {
      const patterns = [...builtInPatterns, ...loadUserPatterns(join(paths.dataDir, "risky_patterns.yaml"))]
      return calls.map((call) => ({ ...call, risk: riskOf(call, patterns) }))
    }

    /** The period's summary, over every session the filter selects. */
    const summary = (filter: ActivityFilter) => store.read((db) => readCalls(db, filter)).pipe(Effect.map((calls) => summarize(checked(calls))))

    /** One session's calls in order, the session named by its id or a prefix. */
    const timeline = (idOrPrefix: string, filter: ActivityFilter) =>
      store.read((db) =>
        Effect.gen(function* () {
          const session = yield* resolveSession(db, idOrPrefix)
          return { session, calls: checked(yield* readCalls(db, { ...filter, sessionId: session.session_id })) }
        })
      )

    /** For show-session: files changed, commands run, risky calls. */
    const counts = (sessionId: string) =>
      store.read((db) =>
        Effect.gen(function* () {
          const { commands, files_changed } = yield* sessionCounts(db, sessionId)
          const risky = checked(yield* readCalls(db, { sessionId })).filter((call) => call.risk !== null).length
          return { files_changed, commands, risky }
        })
      )

    return { summary, timeline, counts } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
