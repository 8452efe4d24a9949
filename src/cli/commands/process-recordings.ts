import { Command, Options } from "@effect/cli"
import { Console, Effect } from "effect"
import { logToActivity, logToSyncLog } from "../../config/app-config.js"
import { drainPendingRecordings } from "../../recording/recording-drain.js"
import { Search } from "../../search/search-service.js"
import { redactSecrets } from "../../sync/redact-secrets.js"
import { Sync } from "../../sync/sync-service.js"
import { logFailuresWhenQuiet, quietOption } from "../quiet-mode.js"

const quiet = quietOption("Print nothing; report problems to the log only.")
const noSync = Options.boolean("no-sync").pipe(Options.withDescription("Do not sync afterwards."))

/** After recording, share the new sessions: failures wait in sync.log, events stay queued. */
const syncQuietly = Sync.pipe(
  Effect.flatMap((sync) => sync.sync(undefined)),
  Effect.catchTags({ NoRemoteConfigured: () => Effect.void, SyncBusy: () => Effect.void }),
  Effect.catchAll((error) => logToSyncLog(`sync: ${redactSecrets(error.message)}`)),
)

export const processRecordingsCommand = Command.make("process-recordings", { quiet, noSync }, (args) =>
  Effect.gen(function* () {
    const summary = yield* drainPendingRecordings
    if (!args.noSync && !summary.busy) yield* syncQuietly
    // New sessions become searchable; a failure here loses nothing (search refreshes it again).
    if (!summary.busy) yield* (yield* Search).refresh.pipe(Effect.catchAll((error) => logToActivity(`search index: ${error.message}`)))
    if (args.quiet) return
    yield* Console.log(
      summary.busy
        ? "another process is recording queued sessions"
        : `recorded ${summary.recorded} session(s), ${summary.unchanged} unchanged, ${summary.failed} not recordable (see the log)`,
    )
    // Run detached by the hook: a failure must reach the log, never a terminal.
  }).pipe(logFailuresWhenQuiet(args.quiet, (message) => logToActivity(`record: ${message}; the session stays queued`)))).pipe(Command.withDescription("Record the sessions queued by the SessionEnd hook (the hook starts this itself)."))
