import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, Option } from "effect"

/** A `--since` / `--until` style option: an ISO date (`2026-11-01`) or date-time. */
export const dateOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.mapEffect((text) => {
      const date = new Date(text)
      return Number.isNaN(date.getTime())
        ? Effect.fail(ValidationError.invalidValue(HelpDoc.p(`--${name} expects a date like 2026-11-01 or 2026-11-01T09:00:00Z, got "${text}"`)))
        : Effect.succeed(date)
    }),
    Options.optional,
    Options.withDescription(description),
  )

export const optionalValue = <A>(option: Option.Option<A>): A | undefined => Option.getOrUndefined(option)
