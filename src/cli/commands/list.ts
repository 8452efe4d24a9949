import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { EntryView } from "../../entries/entry-queries.js"
import { entriesTable } from "../entry-text.js"
import { printJson } from "../output.js"
import { category, json, limit, status } from "../shared-options.js"
import { Schema } from "effect"

const open = Options.boolean("open").pipe(Options.withDescription("Leave out resolved entries."))

export const listCommand = Command.make(
  "list",
  { category: Options.optional(category), status: Options.optional(status), open, limit: limit(50), json },
  (args) =>
    Effect.gen(function* () {
      const entries = yield* (yield* Entries).list({
        category: Option.getOrUndefined(args.category),
        status: Option.getOrUndefined(args.status),
        openOnly: args.open,
        limit: args.limit,
      })
      if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(EntryView))(entries))
      yield* Console.log(entries.length === 0 ? "No entries." : entriesTable(entries))
    }),
).pipe(Command.withDescription("List entries, the most recently changed first."))
