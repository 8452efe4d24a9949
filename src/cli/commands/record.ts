import { Command, Options } from "@effect/cli"
import { Effect } from "effect"
import { handleSessionEnd } from "../../recording/session-end-hook.js"

const noSync = Options.boolean("no-sync").pipe(
  Options.withDescription("Do not start a background sync afterwards (accepted now; sync arrives with multi-device support)."),
)

// The launcher answers this command itself; this definition gives it --help and validation.
export const recordCommand = Command.make("record", { noSync }, () =>
  Effect.sync(() => handleSessionEnd(process.argv[1] ?? "", process.env))).pipe(
    Command.withDescription(
      "The SessionEnd hook: reads Claude Code's hook JSON on stdin, queues the session and records it in the background. Always exits 0.",
    ),
  )
