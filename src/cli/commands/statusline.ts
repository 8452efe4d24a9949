import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { readStatusLineStdin } from "../../snapshot/status-line-stdin.js"
import { statusLineOutput } from "../../snapshot/status-line-output.js"

// The launcher answers this command itself; this definition gives it --help.
export const statuslineCommand = Command.make("statusline", {}, () =>
  Effect.sync(() => statusLineOutput(readStatusLineStdin(), process.env, new Date())).pipe(
    Effect.flatMap(Console.log),
    Effect.catchAllDefect(() => Console.log("Claude")),
  )).pipe(Command.withDescription("One short line for Claude Code's status line (reads its JSON on stdin). Never fails."))
