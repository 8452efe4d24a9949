/**
 * A query as the `cs` script reads it: words, each to be found somewhere, in any order, and
 * "quoted phrases" to be found as written. Empty phrases say nothing and are dropped.
 */
export const searchTerms = (query: string): ReadonlyArray<string> =>
  [...query.matchAll(/"([^"]*)"?|(\S+)/g)]
    .map((match) => (match[1] ?? match[2] ?? "").trim())
    .filter((term) => term !== "")
