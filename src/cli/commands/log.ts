import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { category, status } from "../shared-options.js"

const title = Options.text("title").pipe(Options.withDescription("A one-line title."))
const body = Options.text("body").pipe(Options.optional, Options.withDescription("Details."))
const sessionId = Options.text("session-id").pipe(
  Options.optional,
  Options.withDescription("The session it belongs to (default: the newest transcript of this directory's project)."),
)

export const logCommand = Command.make(
  "log",
  { category, status: Options.optional(status), title, body, sessionId },
  (args) =>
    Effect.gen(function* () {
      const logged = yield* (yield* Entries).log({
        category: args.category,
        status: Option.getOrUndefined(args.status),
        title: args.title,
        body: Option.getOrUndefined(args.body),
        sessionId: Option.getOrUndefined(args.sessionId),
      })
      yield* Console.log(`logged ${logged.category} (${logged.status}) id=${logged.id}`)
      if (logged.queued) yield* Console.error("(the database is busy: queued; it is stored by the next command)")
    }),
).pipe(Command.withDescription("Log an issue, finding, task, decision or note."))
