import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { importLegacyFile } from "../../legacy/legacy-file-import.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"

const from = Options.text("from").pipe(
  Options.optional,
  Options.withDescription("A DuckDB file of claude-session-logger 0.3.45 (read-only). Default: this store's own file."),
)

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

export const importLegacyCommand = Command.make("import-legacy", { from, json }, (args) =>
  Effect.gen(function* () {
    const imported = yield* importLegacyFile(Option.getOrUndefined(args.from))
    if (args.json) return yield* printJson(imported)
    yield* Console.log(`imported ${counted(imported.entries, "entry", "entries")} and ${counted(imported.sessions, "session", "sessions")} from ${imported.source}: ${imported.added} new event(s)`)
    for (const reason of imported.skipped) yield* Console.error(`skipped ${reason}`)
  })).pipe(Command.withDescription("Import the notes, sessions and inbox watermark of the Python original (0.3.45) as events; rerunning adds nothing."))
