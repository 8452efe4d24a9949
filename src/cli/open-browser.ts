import { Effect } from "effect"
import { createBrowserBackend } from "../browser/browser-backend.js"
import { runBrowserInTerminal } from "../browser/run-in-terminal.js"

/** The session browser in this terminal; exits with its code when it is not 0. */
export const openBrowser = Effect.promise(() => runBrowserInTerminal(__dirname, createBrowserBackend)).pipe(
  Effect.flatMap((code) => (code === 0 ? Effect.void : Effect.sync(() => process.exit(code)))),
)
