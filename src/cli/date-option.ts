import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, Option } from "effect"
import { dateTextHelp, parseDateText } from "./date-text.js"

/** A `--since` / `--until` style option, read by the one parser every date option shares. */
export const dateOption = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withPseudoName("date"),
    Options.mapEffect((text) => {
      const date = parseDateText(text)
      return date === undefined
        ? Effect.fail(ValidationError.invalidValue(HelpDoc.p(`'${text}' is not a date (${dateTextHelp.replace(/^Like/, "try")})`)))
        : Effect.succeed(date)
    }),
    Options.optional,
    Options.withDescription(`${description} ${dateTextHelp}`),
  )

export const optionalValue = <A>(option: Option.Option<A>): A | undefined => Option.getOrUndefined(option)
