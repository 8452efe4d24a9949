import { Command, Options } from "@effect/cli"
import { Console, Effect, Option, Schema } from "effect"
import { SessionView } from "../../sessions/session-queries.js"
import { Sessions } from "../../sessions/sessions-service.js"
import { dateOption, optionalValue } from "../date-option.js"
import { printJson } from "../output.js"
import { sessionsTable } from "../session-text.js"
import { json, optionalLimit, resumeCommandOption } from "../shared-options.js"
import { resumeLines, withResumeCommand } from "../../sessions/resume-command.js"

const search = Options.text("search").pipe(Options.optional, Options.withDescription(`Words, each in the title, project, cwd or branch (any case, any order); "a phrase" as written.`))
const project = Options.text("project").pipe(Options.optional, Options.withDescription("Only this project (directory name)."))
const since = dateOption("since", "Only sessions that ended on or after this date.")
const until = dateOption("until", "Only sessions that started before this date.")

const sessionLimit = optionalLimit.pipe(Options.withDescription("(default 20)"))

export const sessionsCommand = Command.make("sessions", { search, project, since, until, limit: sessionLimit, json, resumeCommand: resumeCommandOption }, (args) =>
  Effect.gen(function* () {
    const sessions = yield* (yield* Sessions).list({
      search: optionalValue(args.search),
      project: optionalValue(args.project),
      since: optionalValue(args.since),
      until: optionalValue(args.until),
      limit: Option.getOrElse(args.limit, () => 20),
    })
    if (args.json) {
      const encoded = Schema.encodeSync(Schema.Array(SessionView))(sessions)
      return yield* printJson(args.resumeCommand ? withResumeCommand(encoded) : encoded)
    }
    if (sessions.length === 0) return yield* Console.log("No sessions recorded yet (run `claude-session-logger backfill`).")
    yield* Console.log([sessionsTable(sessions), ...(args.resumeCommand ? resumeLines(sessions) : [])].join("\n"))
  })).pipe(Command.withDescription("Recorded sessions, newest first, with tokens and cost; bare, at a terminal, the browser (opened by the launcher)."))
