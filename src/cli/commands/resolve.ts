import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { printableLine } from "../../terminal/printable-text.js"
import { entrySelector } from "../entry-selector.js"
import { status, titleMatch } from "../shared-options.js"

const id = Options.text("id").pipe(Options.optional, Options.withDescription("Full id, short id, or a unique prefix."))
const note = Options.text("note").pipe(Options.optional, Options.withDescription("Appended to the entry's body."))

export const resolveCommand = Command.make(
  "resolve",
  { id, titleMatch, status: status.pipe(Options.withDefault("resolved" as const)), note },
  (args) =>
    Effect.gen(function* () {
      const selector = yield* entrySelector(args.id, args.titleMatch, "--id")
      const changed = yield* (yield* Entries).changeStatus(selector, args.status, Option.getOrUndefined(args.note))
      yield* Console.log(`${changed.status} ${changed.category} id=${changed.id} (${printableLine(changed.title)})`)
    }),
).pipe(Command.withDescription("Change an entry's status (default: resolved), optionally with a note."))
