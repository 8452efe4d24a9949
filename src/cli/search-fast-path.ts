import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { searchSessions, type SearchOptions } from "../search/index-query.js"
import { loadSearchIndex, searchIndexPath } from "../search/search-index-file.js"
import { queryOfArguments } from "../sessions/search-terms.js"
import { readSnapshot } from "../snapshot/session-start-snapshot.js"
import { defaultSearchLimit, searchOutput } from "./search-output.js"
import { countOf, fastCommands } from "./fast-commands.js"
import { version } from "../config/version.js"

type SearchArgs = SearchOptions & { readonly text: string; readonly json: boolean; readonly resume: boolean }

/** `search WORDS… [--content] [--limit N] [--json] [--resume-command]`; anything else is left to the full CLI. */
const searchArgsOf = ([command, ...rest]: ReadonlyArray<string>): SearchArgs | undefined => {
  const parsed = command === "search" ? fastCommands.search.parse(rest) : undefined
  const limit = countOf(parsed?.values.limit, defaultSearchLimit)
  const words = parsed?.positionals ?? []
  // A word that looks like an option is the full CLI's to interpret.
  return parsed === undefined || limit === undefined || words.length === 0 || words.some((word) => word.startsWith("-"))
    ? undefined
    : { text: queryOfArguments(words), content: parsed.values.content === true, json: parsed.values.json === true, resume: parsed.values["resume-command"] === true, limit }
}

/**
 * `search` answered from the search index without loading Effect or DuckDB, while the index is
 * current: built by this version, from the store as the snapshot last saw it. Otherwise
 * undefined, and the full CLI brings the index up to date and answers.
 */
export const fastSearchOutput = async (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): Promise<string | undefined> => {
  const search = searchArgsOf(args)
  if (search === undefined) return undefined
  const paths = dataPathsIn(resolveDataDir(env))
  const snapshot = readSnapshot(paths.snapshot)
  if (snapshot === undefined) return undefined
  const loaded = await loadSearchIndex(searchIndexPath(paths.dataDir))
  const current = loaded !== undefined && loaded.index.builtBy === version && loaded.index.newestEventId === snapshot.newestEventId &&
    loaded.index.eventCount === snapshot.eventCount
  if (!current) return undefined
  return searchOutput(searchSessions(loaded, search.text, search), search.text, search.json, search.resume)
}
