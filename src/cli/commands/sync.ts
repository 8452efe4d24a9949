import { Command, HelpDoc, Options, ValidationError } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { logToSyncLog } from "../../config/app-config.js"
import { redactSecrets } from "../../sync/redact-secrets.js"
import { startBackgroundSync } from "../../config/detached-command.js"
import { Sync } from "../../sync/sync-service.js"
import { printJson } from "../output.js"
import { logFailuresWhenQuiet, quietOption } from "../quiet-mode.js"
import { json } from "../shared-options.js"

// An empty value would resolve to the working directory, which is never a remote.
export const remoteOption = Options.text("remote").pipe(
  Options.mapEffect((value) =>
    value.trim() === ""
      ? Effect.fail(ValidationError.invalidValue(HelpDoc.p("--remote needs a value: md:claude_sessions or a path to a DuckDB file")))
      : Effect.succeed(value)
  ),
  Options.optional,
  Options.withDescription("md:claude_sessions (MotherDuck) or a path to a shared DuckDB file. Default: $CLAUDE_LOGGER_REMOTE, config.json, or MotherDuck when a token exists."),
)
const background = Options.boolean("background").pipe(Options.withDescription("Start the sync detached and return at once."))
const quiet = quietOption("For hooks and schedulers: print nothing, report failures in sync.log, always exit 0.")

const skewNote = (ms: number) => (ms >= 60_000 ? ` (events from up to ${Math.round(ms / 60_000)} min ahead of this clock)` : "")

const syncOptions = { remote: remoteOption, json, background, quiet }

const runSync = (args: Command.Command.ParseConfig<typeof syncOptions>) =>
  Effect.gen(function* () {
    if (args.background) return startBackgroundSync(process.argv[1] ?? "", process.env)
    const result = yield* (yield* Sync).sync(Option.getOrUndefined(args.remote)).pipe(
      Effect.catchTag("SyncBusy", (busy) => (args.quiet ? Effect.void : Console.log(busy.message)).pipe(Effect.as(undefined))),
    )
    if (args.quiet || result === undefined) return
    if (args.json) return yield* printJson(result)
    yield* Console.log(`pushed ${result.pushed}, pulled ${result.pulled} (${result.remote})${skewNote(result.clock_skew_ms)}`)
  }).pipe(logFailuresWhenQuiet(args.quiet, (message) => logToSyncLog(`sync: ${redactSecrets(message)}`)))

export const syncCommand = Command.make("sync", syncOptions, runSync).pipe(
  Command.withDescription("Push local events the remote lacks, pull the ones this device lacks, refold."),
)

/** The Python version's name for sync, so its users' habits and scripts keep working. */
export const flushCommand = Command.make("flush", syncOptions, runSync).pipe(Command.withDescription("The same as sync (its name in the Python version)."))
