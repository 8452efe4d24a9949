import { Command, Options } from "@effect/cli"
import { Effect } from "effect"
import { handleSessionEnd } from "../../recording/session-end-hook.js"

const noSync = Options.boolean("no-sync").pipe(Options.withDescription("Do not sync after recording."))

// The launcher answers this command itself; this definition gives it --help and validation.
export const recordCommand = Command.make("record", { noSync }, (args) =>
  Effect.promise(() => handleSessionEnd(process.argv[1] ?? "", process.env, { sync: !args.noSync }).catch(() => undefined))).pipe(
    Command.withDescription(
      "The SessionEnd hook: reads Claude Code's hook JSON on stdin, queues the session, records it and syncs in the background. Always exits 0.",
    ),
  )
