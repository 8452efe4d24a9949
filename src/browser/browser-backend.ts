import { Effect, Layer, ManagedRuntime } from "effect"
import { Activity } from "../activity/activity-service.js"
import { existsSync } from "node:fs"
import { StoreExtensionsLive } from "../composition/store-extensions-live.js"
import { AppConfig } from "../config/app-config.js"
import { resolveActor } from "../config/identity.js"
import { keepNewFilesPrivate } from "../config/private-files.js"
import { Search } from "../search/search-service.js"
import { browserSessions } from "../sessions/session-queries.js"
import { bucketLabels, type Period, summaryRange, usageByProject, usageSummary } from "../sessions/usage-summary.js"
import { LocalStore } from "../local-store/local-store.js"
import type { StoreSession } from "../local-store/store-extension.js"
import type { BrowserActions, BrowserSession } from "../tui/browser-model.js"

export type BrowserBackend = Omit<BrowserActions, "loadConversation"> & { readonly dispose: () => Promise<void> }

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * What the browser reads, each read opening the store only for its own work: nothing holds
 * the database while the user looks at the screen, so hooks record normally meanwhile.
 */
export const createBrowserBackend = (): BrowserBackend => {
  keepNewFilesPrivate()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(LocalStore.Default, Search.Default, Activity.Default).pipe(
      Layer.provide(StoreExtensionsLive),
      Layer.provideMerge(AppConfig.fromProcess),
    ),
  )
  const use = <A, E>(work: (session: StoreSession) => Effect.Effect<A, E>) =>
    runtime.runPromise(LocalStore.pipe(Effect.flatMap((store) => store.use(work))))
  const sessions: Promise<ReadonlyArray<BrowserSession>> = use(({ db }) => browserSessions(db)).then((rows) =>
    rows.map((row) => ({ ...row, transcript_here: row.transcript_path !== null && existsSync(row.transcript_path) }))
  )
  const zone = localZone()
  // The Summary screen counts the user's own sessions, as `summary` does by default.
  const createdBy = resolveActor(process.env)
  return {
    loadSessions: () => sessions,
    loadSummary: (period: Period) =>
      use(({ db }) =>
        Effect.gen(function* () {
          const range = yield* summaryRange(db, period, zone)
          const since = range?.since ? new Date(range.since) : undefined
          const until = range?.until ? new Date(range.until) : undefined
          return {
            range: range?.label ?? "nothing recorded yet",
            buckets: range?.label ? bucketLabels(period, range.label) : [],
            rows: yield* usageSummary(db, { period, timeZone: zone, since, until, createdBy }),
            byProject: yield* usageByProject(db, { since, until, createdBy }),
          }
        })
      ),
    searchContent: (term) =>
      runtime.runPromise(Search.pipe(Effect.flatMap((search) => search.searchContent(term)))).then((hits) =>
        new Map(hits.flatMap((hit) => (hit.matching_line === undefined ? [] : [[hit.session_id, hit.matching_line.text] as const])))
      ),
    loadActivity: (sessionId) =>
      runtime.runPromise(Activity.pipe(Effect.flatMap((activity) => activity.timeline(sessionId, {})))).then(({ calls }) => calls),
    dispose: () => runtime.dispose(),
  }
}
