import { Options } from "@effect/cli"
import { categories, statuses } from "../events/entry-vocabulary.js"

export const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text."))

export const limit = (fallback: number) =>
  Options.integer("limit").pipe(Options.withDefault(fallback), Options.withDescription("Show at most this many."))

export const category = Options.choice("category", categories).pipe(
  Options.withDescription(`One of: ${categories.join(", ")}.`),
)

export const status = Options.choice("status", statuses).pipe(
  Options.withDescription(`One of: ${statuses.join(", ")}.`),
)

export const titleMatch = Options.text("title-match").pipe(
  Options.optional,
  Options.withDescription("Words that all appear in the entry's title (any case)."),
)
