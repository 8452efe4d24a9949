import { Command } from "@effect/cli"
import { Effect } from "effect"
import { logToActivity } from "../../config/app-config.js"
import { LocalStore } from "../../local-store/local-store.js"

/** Started detached by the light path of the note commands: nobody reads its output, failures go to the log. */
export const storeQueuedCommand = Command.make("store-queued", {}, () =>
  LocalStore.pipe(
    Effect.flatMap((store) => store.storeQueued),
    // The events stay in the spool: the next command that opens the store ingests them.
    Effect.catchAll((error) => logToActivity(`store-queued: ${error.message}; the events stay queued`)),
  )).pipe(Command.withDescription("Store the events waiting in the spool, one process at a time (the note commands start this themselves)."))
