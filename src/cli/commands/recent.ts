import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { defaultRecentLimit, recentOutput } from "../../snapshot/hot-path.js"
import { hookLimit, json } from "../shared-options.js"

// The launcher answers this command itself; this definition gives it --help and validation.
export const recentCommand = Command.make("recent", { limit: hookLimit(defaultRecentLimit), json }, (args) =>
  Effect.sync(() => recentOutput(args, process.env)).pipe(
    Effect.flatMap((output) => (output === "" ? Effect.void : Console.log(output))),
    Effect.catchAllDefect(() => Effect.void),
  )).pipe(Command.withDescription("The banner of recent sessions shown at session start. Never fails."))
