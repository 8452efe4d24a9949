import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect } from "effect"
import { categories, statuses } from "../events/entry-vocabulary.js"

export const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text."))

/**
 * `--limit N`: a count of rows, so zero or a negative number is a mistake, not "none". Left
 * unchecked, `--limit -1` reached SQL and printed an empty listing although rows exist.
 */
const positiveLimit = Options.integer("limit").pipe(
  Options.mapEffect((value) =>
    value > 0
      ? Effect.succeed(value)
      : Effect.fail(ValidationError.invalidValue(HelpDoc.p(`--limit must be a positive whole number, not ${value}`)))
  ),
)

export const limit = (fallback: number) =>
  positiveLimit.pipe(Options.withDefault(fallback), Options.withDescription("Show at most this many."))

/** For `recent`, a hook that must exit 0 whatever it is given: a count below 1 shows nothing. */
export const hookLimit = (fallback: number) =>
  Options.integer("limit").pipe(Options.withDefault(fallback), Options.withDescription("Show at most this many."))

export const optionalLimit = positiveLimit.pipe(Options.optional, Options.withDescription("Only the newest N."))

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

export const resumeCommandOption = Options.boolean("resume-command").pipe(
  Options.withDescription("Print each session's resume command (cd <cwd> && claude --resume <id>); a resume_command field with --json."),
)
