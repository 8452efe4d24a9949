import { Effect, Option } from "effect"
import { InvalidEntryInput } from "../entries/entry-errors.js"
import type { EntrySelector } from "../entries/entry-decisions.js"

/** Exactly one of an id and title words must name the entry. */
export const entrySelector = (
  id: Option.Option<string>,
  titleMatch: Option.Option<string>,
  idFlag: string,
): Effect.Effect<EntrySelector, InvalidEntryInput> => {
  if (Option.isSome(id) && Option.isSome(titleMatch)) {
    return Effect.fail(new InvalidEntryInput({ reason: `give ${idFlag} or --title-match, not both` }))
  }
  if (Option.isSome(id)) return Effect.succeed({ _tag: "ById", id: id.value })
  if (Option.isSome(titleMatch)) return Effect.succeed({ _tag: "ByTitle", words: titleMatch.value })
  return Effect.fail(new InvalidEntryInput({ reason: `name the entry: ${idFlag} or --title-match WORDS` }))
}
