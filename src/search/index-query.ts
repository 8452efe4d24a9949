import type { SessionView } from "../sessions/session-queries.js"
import { snippetAt } from "./match-snippet.js"
import type { IndexedSession, LoadedSearchIndex } from "./search-index-file.js"
import { blockAt, blockSeparator, searchTextOf } from "./search-text.js"
import { searchTerms } from "../sessions/search-terms.js"

/** A session found by `search`: the sessions shape, plus the matching line when the match is in the content. */
export type SearchHit = SessionView & { readonly matching_line?: { readonly line_number: number; readonly text: string } }

export interface SearchOptions {
  readonly content: boolean
  readonly limit: number
}

/** As `sessions --search`: title, project, cwd or branch contain the text, ignoring case. */
export const metadataOf = (view: SessionView): string =>
  [view.title ?? "", view.project, view.cwd, view.git_branch ?? ""].map((field) => field.replaceAll("\0", "").toLowerCase()).join("\0")

const viewOf = (loaded: LoadedSearchIndex) => (session: IndexedSession): SessionView =>
  JSON.parse(loaded.bytes.toString("utf8", session.view[0], session.view[1])) as SessionView

/**
 * A session's searchable text as its transcript is now: the indexed text while the file is
 * unchanged, read again when it grew (a session still running), nothing when it is gone.
 */
const currentText = (session: IndexedSession, loaded: LoadedSearchIndex): Buffer | undefined => {
  const indexed = session.transcript
  const now = indexed === null ? null : loaded.onDisk.get(indexed.path) ?? null
  if (indexed === null || now === null) return undefined
  return now.size === indexed.size && now.mtimeMs === indexed.mtimeMs ? loaded.bytes.subarray(session.text[0], session.text[1]) : searchTextOf(now.path)
}

/** The first turn of the session that contains the term (in its case, if it has a capital). */
const firstContentMatch = (text: Buffer, transcriptPath: string, term: string) => {
  const needle = Buffer.from(term.toLowerCase(), "utf8")
  for (let at = text.indexOf(needle); at !== -1;) {
    const block = blockAt(text, at)
    if (block !== undefined) {
      const snippet = snippetAt(transcriptPath, block.byteOffset, term)
      if (snippet !== undefined) return { line_number: block.lineNumber, text: snippet }
      // Found lowercased only: the rest of this block cannot match either.
      const next = text.indexOf(blockSeparator, at)
      if (next === -1) return undefined
      at = text.indexOf(needle, next)
    } else {
      at = text.indexOf(needle, at + 1)
    }
  }
  return undefined
}

/** The first term's first matching line, when the conversation holds every term. */
const allTermsMatch = (text: Buffer, transcriptPath: string, terms: ReadonlyArray<string>) => {
  const [first, ...others] = terms
  const match = first === undefined ? undefined : firstContentMatch(text, transcriptPath, first)
  return match !== undefined && others.every((term) => firstContentMatch(text, transcriptPath, term) !== undefined) ? match : undefined
}

/**
 * Each session (but those in `skip`) whose conversation holds every term of `query` (words in any
 * order and line, "quoted phrases" as written), newest first, with the first term's first
 * matching line; at most `limit`.
 */
export const contentHits = (
  loaded: LoadedSearchIndex,
  query: string,
  limit: number,
  skip: ReadonlySet<IndexedSession> = new Set(),
): ReadonlyArray<SearchHit> => {
  const hits: Array<SearchHit> = []
  const terms = searchTerms(query)
  if (terms.length === 0) return hits
  for (const session of loaded.index.sessions) {
    if (hits.length >= limit) break
    if (session.transcript === null || skip.has(session)) continue
    const text = currentText(session, loaded)
    const match = text === undefined ? undefined : allTermsMatch(text, session.transcript.path, terms)
    if (match !== undefined) hits.push({ ...viewOf(loaded)(session), matching_line: match })
  }
  return hits
}

/**
 * Sessions whose title, project, cwd or branch hold every term of `query`, newest first; with
 * `content`, then those whose conversation does, each with its first matching line.
 */
export const searchSessions = (loaded: LoadedSearchIndex, query: string, options: SearchOptions): ReadonlyArray<SearchHit> => {
  const lowerTerms = searchTerms(query).map((term) => term.toLowerCase())
  const byMetadata = loaded.index.sessions
    .filter((session) => lowerTerms.length > 0 && lowerTerms.every((term) => session.metadata.includes(term)))
    .slice(0, options.limit)
  const hits = byMetadata.map(viewOf(loaded))
  if (!options.content || hits.length >= options.limit) return hits
  return [...hits, ...contentHits(loaded, query, options.limit - hits.length, new Set(byMetadata))]
}
