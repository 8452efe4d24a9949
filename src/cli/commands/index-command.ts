import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { logToActivity } from "../../config/app-config.js"
import { Search } from "../../search/search-service.js"
import { logFailuresWhenQuiet, quietOption } from "../quiet-mode.js"

const quiet = quietOption("Print nothing; report problems to the log only.")

export const indexCommand = Command.make("index", { quiet }, (args) =>
  Effect.gen(function* () {
    const summary = yield* (yield* Search).refresh
    if (args.quiet) return
    yield* Console.log(
      summary.upToDate
        ? `search index: up to date (${summary.sessions} session(s))`
        : `search index: ${summary.sessions} session(s), ${summary.read} transcript(s) read`,
    )
    // Started detached after a backfill: a failure must reach the log, never a terminal.
  }).pipe(logFailuresWhenQuiet(args.quiet, (message) => logToActivity(`search index: ${message}`)))).pipe(Command.withDescription("Bring the local search index up to date (done in the background after recording and backfill)."))
