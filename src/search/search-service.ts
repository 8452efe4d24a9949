import { Effect } from "effect"
import { AppConfig } from "../config/app-config.js"
import { LocalStore } from "../local-store/local-store.js"
import { contentHits, searchSessions, type SearchOptions } from "./index-query.js"
import { loadSearchIndex, searchIndexPath } from "./search-index-file.js"
import { refreshSearchIndex, SearchIndexFailed } from "./search-index-refresh.js"

/** Finds sessions by their metadata and, when asked, by what was said in them: refreshes the index, then reads it. */
export class Search extends Effect.Service<Search>()("Search", {
  effect: Effect.gen(function* () {
    const config = yield* AppConfig
    const store = yield* LocalStore
    const refresh = refreshSearchIndex.pipe(Effect.provideService(AppConfig, config), Effect.provideService(LocalStore, store))

    const currentIndex = Effect.gen(function* () {
      yield* refresh
      const loaded = yield* Effect.promise(() => loadSearchIndex(searchIndexPath(config.paths.dataDir)))
      if (loaded === undefined) return yield* new SearchIndexFailed({ reason: "it was removed while being read" })
      return loaded
    })

    const search = (text: string, options: SearchOptions) => currentIndex.pipe(Effect.map((loaded) => searchSessions(loaded, text, options)))

    /** Every session whose conversation contains `term` (the browser's content search). */
    const searchContent = (term: string) => currentIndex.pipe(Effect.map((loaded) => contentHits(loaded, term, Number.POSITIVE_INFINITY)))

    return { search, searchContent, refresh } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
