import { Args, Command } from "@effect/cli"
import { Console, Effect, Schema } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { EntryView } from "../../entries/entry-queries.js"
import { entrySelector } from "../entry-selector.js"
import { entryDetail } from "../entry-text.js"
import { printJson } from "../output.js"
import { json, titleMatch } from "../shared-options.js"

const id = Args.text({ name: "id-or-short-id" }).pipe(Args.optional)

export const showCommand = Command.make("show", { id, titleMatch, json }, (args) =>
  Effect.gen(function* () {
    const selector = yield* entrySelector(args.id, args.titleMatch, "an id")
    const entry = yield* (yield* Entries).show(selector)
    yield* args.json ? printJson(Schema.encodeSync(EntryView)(entry)) : Console.log(entryDetail(entry))
  })).pipe(Command.withDescription("Show one entry with its full body."))
