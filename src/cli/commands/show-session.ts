import { Args, Command } from "@effect/cli"
import { Console, Effect, Schema } from "effect"
import { Activity } from "../../activity/activity-service.js"
import { SessionModelRow } from "../../projections/session-rows.js"
import { SessionView } from "../../sessions/session-queries.js"
import { Sessions } from "../../sessions/sessions-service.js"
import { printJson } from "../output.js"
import { sessionDetail } from "../session-text.js"
import { json } from "../shared-options.js"

const id = Args.text({ name: "session-id-or-prefix" })

export const showSessionCommand = Command.make("show-session", { id, json }, (args) =>
  Effect.gen(function* () {
    const { models, session } = yield* (yield* Sessions).show(args.id)
    const activity = yield* (yield* Activity).counts(session.session_id)
    if (args.json) {
      return yield* printJson({
        ...Schema.encodeSync(SessionView)(session),
        model_usage: Schema.encodeSync(Schema.Array(SessionModelRow))(models),
        activity,
      })
    }
    yield* Console.log(sessionDetail(session, models))
    yield* Console.log(
      `Activity: ${activity.files_changed} file(s) changed · ${activity.commands} command(s) · ${activity.risky} risky — activity ${session.session_id.slice(0, 8)}`,
    )
  })).pipe(Command.withDescription("One session with its per-model tokens and cost."))
