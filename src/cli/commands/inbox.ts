import { Command, Options } from "@effect/cli"
import { Console, Effect, Schema } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { EntryView } from "../../entries/entry-queries.js"
import { inboxCountOutput } from "../../snapshot/hot-path.js"
import { entriesTable } from "../entry-text.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"

const count = Options.boolean("count").pipe(
  Options.withDescription("Print only the badge line (or nothing); reads local state, never blocks."),
)

export const inboxCommand = Command.make("inbox", { count, json }, (args) =>
  Effect.gen(function* () {
    if (args.count) {
      const badge = inboxCountOutput(process.env)
      return badge === "" ? undefined : yield* Console.log(badge)
    }
    const changes = yield* (yield* Entries).inbox({ advance: true })
    if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(EntryView))(changes))
    yield* Console.log(
      changes.length === 0
        ? "No new changes by others."
        : `${changes.length} shared update(s) since you last looked:\n${entriesTable(changes)}`,
    )
  })).pipe(Command.withDescription("Entries others changed since you last looked; marks them seen."))
