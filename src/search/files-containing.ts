import { DuckDBInstance } from "@duckdb/node-api"
import { Effect, Schema } from "effect"
import { existsSync } from "node:fs"

export class SearchFailed extends Schema.TaggedError<SearchFailed>()("SearchFailed", { reason: Schema.String }) {
  override get message() {
    return `content search failed: ${this.reason}`
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Which of these transcripts contain `term`: DuckDB reads them in parallel and matches with
 * vectorised string search, in a private in-memory database (no lock on the user's store).
 * Smart case, as ripgrep: a term with a capital matches exactly, an all-lowercase one any case.
 */
export const filesContaining = (paths: ReadonlyArray<string>, term: string): Effect.Effect<ReadonlySet<string>, SearchFailed> =>
  Effect.tryPromise({
    try: async () => {
      const present = paths.filter((path) => existsSync(path))
      if (present.length === 0 || term === "") return new Set<string>()
      const instance = await DuckDBInstance.create(":memory:")
      try {
        const connection = await instance.connect()
        const condition = term === term.toLowerCase() ? `regexp_matches(content, $2, 'i')` : `contains(content, $2)`
        const reader = await connection.runAndReadAll(
          `SELECT filename FROM read_text(from_json($1::JSON, '["VARCHAR"]')) WHERE ${condition}`,
          [JSON.stringify(present), term === term.toLowerCase() ? escapeRegExp(term) : term],
        )
        connection.closeSync()
        return new Set(reader.getRowObjectsJS().map((row) => String(row.filename)))
      } finally {
        instance.closeSync()
      }
    },
    catch: (cause) => new SearchFailed({ reason: cause instanceof Error ? cause.message : String(cause) }),
  })
