import { Console, Effect } from "effect"

/**
 * Collapses whatever reaches stderr into one line. @effect/cli prints its argument errors as a
 * paragraph followed by a blank line, with its own grammar ("'x' is not a integer"); an error is
 * one line here, whoever wrote it.
 */
export const oneLine = (args: ReadonlyArray<unknown>): string =>
  args.map(String).join(" ").split("\n").map((line) => line.trim()).filter((line) => line !== "").join(" ")
    .replace(/\bis not a (?=[aeiou])/g, "is not an ")

export const withOneLineErrors = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((current) =>
    Effect.withConsole(effect, { ...current, error: (...args: ReadonlyArray<unknown>) => current.error(oneLine(args)) })
  )
