import { Command } from "@effect/cli"
import { Effect } from "effect"
import { handleSessionStart } from "../../setup/session-start-hook.js"

// The launcher answers this command itself; this definition gives it --help.
export const sessionStartCommand = Command.make("session-start", {}, () =>
  Effect.sync(() => handleSessionStart(process.argv[1] ?? "", process.env)).pipe(Effect.catchAllDefect(() => Effect.void))).pipe(
    Command.withDescription("The SessionStart hook: the recent-sessions banner and inbox badge, then a background sync. Never fails."),
  )
