import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Activity } from "../../activity/activity-service.js"
import { type ActivitySection, summaryText, timelineText } from "../activity-text.js"
import { dateOption, optionalValue } from "../date-option.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"

const session = Args.text({ name: "session-id-or-prefix" }).pipe(Args.optional)
const since = dateOption("since", "Only calls made on or after this date.")
const until = dateOption("until", "Only calls made before this date.")
const project = Options.text("project").pipe(Options.optional, Options.withDescription("Only this project (directory name)."))
const tool = Options.text("tool").pipe(Options.optional, Options.withDescription("Only this tool (Read, Edit, Bash, WebFetch, mcp__server__tool, …)."))
const flag = (name: ActivitySection, what: string) => Options.boolean(name).pipe(Options.withDescription(`Only ${what}.`))

export const activityCommand = Command.make("activity", {
  session,
  since,
  until,
  project,
  tool,
  files: flag("files", "the files read and changed"),
  commands: flag("commands", "the commands run"),
  urls: flag("urls", "the URLs fetched and web searches"),
  risky: flag("risky", "the risky calls"),
  json,
}, (args) =>
  Effect.gen(function* () {
    const activity = yield* Activity
    const filter = {
      since: optionalValue(args.since),
      until: optionalValue(args.until),
      project: optionalValue(args.project),
      tool: optionalValue(args.tool),
    }
    if (Option.isSome(args.session)) {
      const { calls, session: found } = yield* activity.timeline(args.session.value, filter)
      const shown = args.risky ? calls.filter((call) => call.risk !== null) : calls
      if (args.json) return yield* printJson({ session_id: found.session_id, calls: shown })
      return yield* Console.log(timelineText(shown))
    }
    const summary = yield* activity.summary(filter)
    if (args.json) return yield* printJson(summary)
    const only = (["files", "commands", "urls", "risky"] as const).filter((name) => args[name])
    yield* Console.log(summaryText(summary, only))
  })).pipe(Command.withDescription("What Claude's tool calls touched (files, commands, URLs, risky calls); local only, never synced."))
