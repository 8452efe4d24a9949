import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Schema } from "effect"
import { Search, SearchHit } from "../../search/search-service.js"
import { printJson } from "../output.js"
import { sessionsTable } from "../session-text.js"
import { json, limit } from "../shared-options.js"

const text = Args.text({ name: "text" })
const content = Options.boolean("content").pipe(Options.withDescription("Also search what was said in the transcripts on this machine."))

export const searchCommand = Command.make("search", { text, content, limit: limit(20), json }, (args) =>
  Effect.gen(function* () {
    const hits = yield* (yield* Search).search(args.text, { content: args.content, limit: args.limit })
    if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(SearchHit))(hits))
    if (hits.length === 0) return yield* Console.log(`No session matches "${args.text}".`)
    yield* Console.log(sessionsTable(hits))
    for (const hit of hits) {
      if (hit.matching_line !== undefined) yield* Console.log(`${hit.session_id.slice(0, 8)} line ${hit.matching_line.line_number}: ${hit.matching_line.text}`)
    }
  })).pipe(Command.withDescription("Sessions whose title, project, cwd or branch match; --content also searches the transcripts."))
