import { Command, Options, Prompt } from "@effect/cli"
import { Terminal } from "@effect/platform"
import { Console, Effect, Redacted } from "effect"
import { readFileSync } from "node:fs"
import { hiveLeftLine } from "../../hive/hive-files.js"
import { SetupDeclined } from "../../setup/setup-errors.js"
import { defaultInstallation, Setup } from "../../setup/setup-service.js"

const uninstall = Options.boolean("uninstall").pipe(Options.withDescription("Remove the hooks, the scheduled sync, the token file and the local data."))
const yes = Options.boolean("yes").pipe(Options.withDescription("With --uninstall: do not ask first."))
const noCloud = Options.boolean("no-cloud").pipe(Options.withDescription("Local only (or a shared-file remote): do not ask for a MotherDuck token."))
const privateTitles = Options.boolean("private-titles").pipe(
  Options.withDescription("Sync sessions without titles taken from their first prompt (sets \"sync_titles\": false in config.json)."),
)
const noMemory = Options.boolean("no-memory").pipe(
  Options.withDescription("Keep Claude's memory files on this machine: no memory hook, no memory sync (sets \"memory\": false in config.json)."),
)
const statusLine = Options.boolean("statusline").pipe(
  Options.withDescription("Also show claude-session-logger's status line in Claude Code, if you have none (yours is never replaced)."),
)
const tokenStdin = Options.boolean("token-stdin").pipe(Options.withDescription("Read the MotherDuck token from stdin (for scripts)."))

/** Hidden input on a terminal; nothing to ask elsewhere. An empty answer stays local. */
const askToken = process.stdin.isTTY
  ? Prompt.hidden({ message: "MotherDuck token (Enter to skip and stay local)" }).pipe(
    Effect.map((token) => Redacted.value(token).trim() || undefined),
    Effect.catchAll(() => Effect.succeed(undefined)),
  )
  : Effect.succeed(undefined)

/** At a terminal, setup offers the status line (only asked when the user has none). */
const askStatusLine = process.stdin.isTTY
  ? Prompt.confirm({ message: "Show model, cost, the 5-hour block and rate limits in Claude Code's status line?", initial: true }).pipe(
    Effect.catchAll(() => Effect.succeed(false)),
  )
  : Effect.succeed(false)

const bullet = (lines: ReadonlyArray<string>) => lines.map((line) => `  • ${line}`).join("\n")

export const setupCommand = Command.make("setup", { uninstall, yes, noCloud, tokenStdin, privateTitles, noMemory, statusLine }, (args) =>
  Effect.gen(function* () {
    const service = yield* Setup
    if (args.uninstall) {
      if (!args.yes) {
        if (!process.stdin.isTTY) return yield* new SetupDeclined({ reason: "not a terminal: pass --yes to uninstall" })
        const sure = yield* Prompt.confirm({ message: `Remove the hooks, the scheduled sync, the token file and ${service.dataDir}?` })
        if (!sure) return yield* new SetupDeclined({ reason: "nothing removed" })
      }
      const { changes, hive, remote } = yield* service.uninstall
      yield* Console.log(changes.length === 0 ? "nothing to remove" : `uninstalled:\n${bullet(changes)}`)
      yield* Console.log(
        remote.startsWith("none")
          ? "No remote was set up, so nothing else keeps a copy."
          : `The remote copy (${remote}) is untouched: run \`claude-session-logger setup\` and then \`claude-session-logger sync\` to get everything back.`,
      )
      if (hive !== undefined) yield* Console.log(hiveLeftLine(hive))
      return
    }
    const token = args.tokenStdin ? readFileSync(0, "utf8") : undefined
    const terminal = yield* Terminal.Terminal
    const { changes, notes } = yield* service.setup(defaultInstallation(__dirname), {
      noCloud: args.noCloud,
      privateTitles: args.privateTitles,
      noMemory: args.noMemory,
      statusLine: args.statusLine,
      token,
      askToken: askToken.pipe(Effect.provideService(Terminal.Terminal, terminal)),
      askStatusLine: askStatusLine.pipe(Effect.provideService(Terminal.Terminal, terminal)),
    })
    yield* Console.log(changes.length === 0 ? "nothing changed: already set up" : `set up:\n${bullet(changes)}`)
    if (notes.length > 0) yield* Console.log(bullet(notes))
  })).pipe(Command.withDescription("Wire claude-session-logger into Claude Code (hooks, and with --statusline its status line) and schedule background sync; --uninstall undoes it."))
