import { Options } from "@effect/cli"
import { Option } from "effect"

/**
 * A `--since` / `--until` style option: anything `new Date` reads, which is wider than the
 * "without a time-zone" the parser's own help line promises, hence the examples.
 */
export const dateOption = (name: string, description: string) =>
  Options.date(name).pipe(Options.optional, Options.withDescription(`${description} Like 2026-11-01 or 2026-11-01T09:00:00Z.`))

export const optionalValue = <A>(option: Option.Option<A>): A | undefined => Option.getOrUndefined(option)
