/**
 * A query as the `cs` script reads it: words, each to be found somewhere, in any order, and
 * "quoted phrases" to be found as written. Empty phrases say nothing and are dropped.
 */
export const searchTerms = (query: string): ReadonlyArray<string> =>
  [...query.matchAll(/"([^"]*)"?|(\S+)/g)]
    .map((match) => (match[1] ?? match[2] ?? "").trim())
    .filter((term) => term !== "")

/**
 * The query of a command line's words: each argument is a word, and one the shell kept whole
 * around spaces (`search "flaky login"`) is a phrase, as it was before several words were read.
 */
export const queryOfArguments = (words: ReadonlyArray<string>): string =>
  words.map((word) => (/\s/.test(word.trim()) && !word.includes(`"`) ? `"${word}"` : word)).join(" ")
