import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Entries } from "../../entries/entries-service.js"
import { InvalidEntryInput } from "../../entries/entry-errors.js"
import { EntryView, type ProjectScope } from "../../entries/entry-queries.js"
import { entriesTable } from "../entry-text.js"
import { printJson } from "../output.js"
import { category, json, limit, status } from "../shared-options.js"
import { Schema } from "effect"

const open = Options.boolean("open").pipe(Options.withDescription("Leave out resolved entries."))
const allProjects = Options.boolean("all-projects").pipe(Options.withDescription("Entries of every project, with a PROJECT column."))
const project = Options.text("project").pipe(
  Options.optional,
  Options.withDescription("Entries of project P only. Default: this directory's project and entries with no project."),
)

const scopeOf = (all: boolean, named: Option.Option<string>): Effect.Effect<ProjectScope | undefined, InvalidEntryInput> =>
  all && Option.isSome(named)
    ? Effect.fail(new InvalidEntryInput({ reason: "give --project or --all-projects, not both" }))
    : Effect.succeed(all ? { _tag: "All" } : Option.isSome(named) ? { _tag: "One", project: named.value } : undefined)

export const listCommand = Command.make(
  "list",
  { category: Options.optional(category), status: Options.optional(status), open, allProjects, project, limit: limit(50), json },
  (args) =>
    Effect.gen(function* () {
      const entries = yield* (yield* Entries).list({
        projects: yield* scopeOf(args.allProjects, args.project),
        category: Option.getOrUndefined(args.category),
        status: Option.getOrUndefined(args.status),
        openOnly: args.open,
        limit: args.limit,
      })
      if (args.json) return yield* printJson(Schema.encodeSync(Schema.Array(EntryView))(entries))
      yield* Console.log(entries.length === 0 ? "No entries." : entriesTable(entries, { withProject: args.allProjects }))
    }),
).pipe(Command.withDescription("List this project's entries (and those with no project), the most recently changed first."))
