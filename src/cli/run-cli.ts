import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Console, Effect, Exit, Layer } from "effect"
import { AppConfig } from "../config/app-config.js"
import { keepNewFilesPrivate } from "../config/private-files.js"
import { redactSecrets } from "../sync/redact-secrets.js"
import { failureOf } from "./error-line.js"
import { withOneLineErrors } from "./one-line-console.js"
import { version } from "../config/version.js"

/** What every bundle of the CLI calls itself in --help and --version. */
export const cliApp = { name: "claude-session-logger", version }

/**
 * Runs a command line as the process and exits with its code; expected errors become one line.
 * Each bundle of the CLI (main.cjs, entries.cjs) runs its own command tree through here, so all
 * of them fail and exit alike.
 */
export const runCli = <E>(
  commandLine: (argv: ReadonlyArray<string>) => Effect.Effect<void, E, AppConfig | NodeContext.NodeContext>,
): void => {
  keepNewFilesPrivate()
  const program = withOneLineErrors(commandLine(process.argv)).pipe(
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
    Effect.provide(Layer.merge(AppConfig.fromProcess, NodeContext.layer)),
  )
  NodeRuntime.runMain(program, {
    disableErrorReporting: true,
    teardown: (exit, onExit) => onExit(Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 1),
  })
}
