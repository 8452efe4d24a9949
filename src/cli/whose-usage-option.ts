import { HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, Option } from "effect"
import { resolveActor } from "../config/identity.js"

const user = Options.text("user").pipe(
  Options.optional,
  Options.withDescription("Count the sessions NAME recorded (on any of their devices) instead of yours."),
)
const allUsers = Options.boolean("all-users").pipe(
  Options.withDescription("Count everyone's sessions: a shared remote brings teammates' too."),
)

/**
 * Whose usage a report counts: the name sessions carry in `created_by`, or undefined for
 * everyone's. By default the current user's (`$CLAUDE_LOGGER_USER`, else git's user.name), since
 * a remote shared by a team brings the teammates' sessions into the same store.
 */
export const whoseUsage = Options.all({ user, allUsers }).pipe(
  Options.mapEffect(({ allUsers, user }) =>
    allUsers && Option.isSome(user)
      ? Effect.fail(ValidationError.invalidValue(HelpDoc.p("--user and --all-users cannot be given together")))
      : Effect.succeed(allUsers ? undefined : Option.getOrElse(user, () => resolveActor(process.env)))
  ),
)
