import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { searchSessions, type SearchOptions } from "../search/index-query.js"
import { loadSearchIndex, searchIndexPath } from "../search/search-index-file.js"
import { readSnapshot } from "../snapshot/session-start-snapshot.js"
import { defaultSearchLimit, searchOutput } from "./search-output.js"
import { version } from "./version.js"

type SearchArgs = SearchOptions & { readonly text: string; readonly json: boolean }

/** `search TEXT [--content] [--limit N] [--json]`; anything else is left to the full CLI. */
const searchArgsOf = (args: ReadonlyArray<string>): SearchArgs | undefined => {
  if (args[0] !== "search") return undefined
  const texts: Array<string> = []
  let content = false
  let json = false
  let limit = defaultSearchLimit
  for (let index = 1; index < args.length; index++) {
    const arg = args[index] ?? ""
    const limitText = arg === "--limit" ? args[++index] : arg.startsWith("--limit=") ? arg.slice("--limit=".length) : undefined
    if (arg === "--content") content = true
    else if (arg === "--json") json = true
    else if (limitText !== undefined && /^\d+$/.test(limitText)) limit = Number(limitText)
    else if (!arg.startsWith("-")) texts.push(arg)
    else return undefined
  }
  const [text] = texts
  return texts.length === 1 && text !== undefined ? { text, content, json, limit } : undefined
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
  if (loaded === undefined || loaded.index.builtBy !== version || loaded.index.newestEventId !== snapshot.newestEventId) return undefined
  return searchOutput(searchSessions(loaded, search.text, search), search.text, search.json)
}
