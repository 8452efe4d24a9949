import { titleWords, trimmedOrNull } from "../entries/entry-rules.js"
import type { LogEntryRow } from "../projections/log-entry-rows.js"

const ascii = /^[\x00-\x7f]*$/
/** Non-ASCII letters whose lower case holds an ASCII letter (İ → i̇, the Kelvin sign → k): DuckDB's `lower` may differ. */
const lowersToAscii = /[\u0130\u212a]/

/**
 * The entries an `--id` or `--title-match` names, as entry-queries.ts's SQL finds them, or
 * undefined when the answer might differ from DuckDB's (non-ASCII words or id, a title whose case
 * folding could) or the selector is refused: the full CLI then answers, or explains.
 */
export const matchingEntries = (
  rows: ReadonlyMap<string, LogEntryRow>,
  selector: { readonly id: string | undefined; readonly titleMatch: string | undefined },
): ReadonlyArray<LogEntryRow> | undefined => {
  const all = [...rows.values()]
  if ((selector.id === undefined) === (selector.titleMatch === undefined)) return undefined
  if (selector.id !== undefined) {
    const needle = trimmedOrNull(selector.id)?.toUpperCase()
    if (needle === undefined || !ascii.test(needle)) return undefined
    const exact = all.filter((row) => row.id.toUpperCase() === needle)
    return exact.length > 0 ? exact : all.filter((row) => row.id.toUpperCase().endsWith(needle) || row.id.toUpperCase().startsWith(needle))
  }
  const words = titleWords(selector.titleMatch ?? "").map((word) => word.toLowerCase())
  if (words.length === 0 || !words.every((word) => ascii.test(word)) || all.some((row) => lowersToAscii.test(row.title))) return undefined
  return all.filter((row) => words.every((word) => row.title.toLowerCase().includes(word)))
}
