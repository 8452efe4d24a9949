import { Command, Options } from "@effect/cli"
import { Console, Effect } from "effect"
import { appendActivityLog } from "../../config/activity-log.js"
import { AppConfig } from "../../config/app-config.js"
import { drainPendingRecordings } from "../../recording/recording-drain.js"

const quiet = Options.boolean("quiet").pipe(Options.withDescription("Print nothing; report problems to the log only."))

export const processRecordingsCommand = Command.make("process-recordings", { quiet }, (args) =>
  Effect.gen(function* () {
    const summary = yield* drainPendingRecordings
    if (args.quiet) return
    yield* Console.log(
      summary.busy
        ? "another process is recording queued sessions"
        : `recorded ${summary.recorded} session(s), ${summary.unchanged} unchanged, ${summary.failed} not recordable (see the log)`,
    )
  }).pipe(
    // Run detached by the hook: a failure must reach the log, never a terminal.
    Effect.catchAll((error) =>
      args.quiet
        ? AppConfig.pipe(Effect.flatMap(({ paths }) => Effect.sync(() => appendActivityLog(paths.log, `record: ${error.message}; the session stays queued`))))
        : Effect.fail(error)
    ),
  )).pipe(Command.withDescription("Record the sessions queued by the SessionEnd hook (the hook starts this itself)."))
