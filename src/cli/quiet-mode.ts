import { Options } from "@effect/cli"
import { Effect } from "effect"
import type { AppConfig } from "../config/app-config.js"

/** `--quiet`: for hooks, schedulers and detached runs, where nobody reads a terminal. */
export const quietOption = (description: string) => Options.boolean("quiet").pipe(Options.withDescription(description))

/**
 * With --quiet, a failure becomes one line in a log and the command exits 0: run detached or by a
 * scheduler, nobody reads its terminal or its exit code. Without it, the failure reaches the CLI
 * edge as usual (one line on stderr, a non-zero exit).
 */
export const logFailuresWhenQuiet = (quiet: boolean, log: (message: string) => Effect.Effect<void, never, AppConfig>) =>
  <A, E extends { readonly message: string }, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A | void, E, R | AppConfig> =>
    quiet ? Effect.catchAll(effect, (error) => log(error.message)) : effect
