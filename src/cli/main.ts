import { Command } from "@effect/cli"
// Each module by its own path: the package index also loads its HTTP client (undici, 1 MB).
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Console, Effect, Exit, Layer } from "effect"
import { AppConfig } from "../config/app-config.js"
import { Entries } from "../entries/entries-service.js"
import { SessionRecorder } from "../recording/session-recorder.js"
import { Search } from "../search/search-service.js"
import { Sessions } from "../sessions/sessions-service.js"
import { Setup } from "../setup/setup-service.js"
import { LocalStore } from "../store/local-store.js"
import { redactSecrets } from "../sync/redact-secrets.js"
import { Sync } from "../sync/sync-service.js"
import { failureOf } from "./error-line.js"
import { rootCommand } from "./root-command.js"
import { version } from "./version.js"

const cli = Command.run(rootCommand, { name: "claude-session-logger", version })

const services = Layer.mergeAll(Entries.Default, Sessions.Default, SessionRecorder.Default, Sync.Default, Setup.Default, Search.Default, LocalStore.Default).pipe(
  Layer.provideMerge(AppConfig.fromProcess),
  Layer.provideMerge(NodeContext.layer),
)

/** Runs the CLI and returns the process exit code; expected errors become one line. */
const program = cli(process.argv).pipe(
  Effect.as(0),
  Effect.catchAll((error) => {
    const failure = failureOf(error)
    return (failure.line === undefined ? Effect.void : Console.error(failure.line)).pipe(Effect.as(failure.exitCode))
  }),
  // A defect is a bug: one line, and the stack only when asked for.
  Effect.catchAllDefect((defect) =>
    Console.error(
      process.env.CLAUDE_LOGGER_DEBUG
        ? redactSecrets(Cause.pretty(Cause.die(defect)))
        : `claude-session-logger: unexpected error: ${redactSecrets(String(defect))} (set CLAUDE_LOGGER_DEBUG=1 for details)`,
    ).pipe(Effect.as(70))
  ),
  Effect.provide(services),
)

NodeRuntime.runMain(program, {
  disableErrorReporting: true,
  teardown: (exit, onExit) => onExit(Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 1),
})
