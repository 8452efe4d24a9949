import { Args, Command } from "@effect/cli"
import { Console, Effect, Schema } from "effect"
import { SessionModelView, SessionView } from "../../sessions/session-queries.js"
import { Sessions } from "../../sessions/sessions-service.js"
import { printJson } from "../output.js"
import { sessionDetail } from "../session-text.js"
import { json } from "../shared-options.js"

const id = Args.text({ name: "session-id-or-prefix" })

export const showSessionCommand = Command.make("show-session", { id, json }, (args) =>
  Effect.gen(function* () {
    const { models, session } = yield* (yield* Sessions).show(args.id)
    if (args.json) {
      return yield* printJson({
        ...Schema.encodeSync(SessionView)(session),
        model_usage: Schema.encodeSync(Schema.Array(SessionModelView))(models),
      })
    }
    yield* Console.log(sessionDetail(session, models))
  })).pipe(Command.withDescription("One session with its per-model tokens and cost."))
