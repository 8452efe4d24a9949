import { Args, Command, Options } from "@effect/cli"
import { Console, Effect } from "effect"
import { Search } from "../../search/search-service.js"
import { queryOfArguments } from "../../sessions/search-terms.js"
import { defaultSearchLimit, searchOutput } from "../search-output.js"
import { json, limit, resumeCommandOption } from "../shared-options.js"

const text = Args.text({ name: "words" }).pipe(Args.atLeast(1))
const content = Options.boolean("content").pipe(
  Options.withDescription("Also search the conversations on this machine (what the viewer shows: your and Claude's words, tool calls)."),
)

export const searchCommand = Command.make("search", { text, content, limit: limit(defaultSearchLimit), json, resumeCommand: resumeCommandOption }, (args) =>
  Effect.gen(function* () {
    const query = queryOfArguments(args.text)
    const hits = yield* (yield* Search).search(query, { content: args.content, limit: args.limit })
    yield* Console.log(searchOutput(hits, query, args.json, args.resumeCommand))
  })).pipe(Command.withDescription("Sessions whose title, project, cwd or branch hold every word (\"a phrase\" as written); --content also searches the conversations."))
