import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { exportFormats, ExportNotPossible, exportTables, writeExport } from "../../export/table-export.js"
import { LocalStore } from "../../local-store/local-store.js"
import { dateOption, optionalValue } from "../date-option.js"

const table = Options.choice("table", exportTables).pipe(Options.withDescription(`One of: ${exportTables.join(", ")}.`))
const format = Options.choice("format", exportFormats).pipe(
  Options.withDefault("csv" as const),
  Options.withDescription(`One of: ${exportFormats.join(", ")} (default csv).`),
)
const since = dateOption("since", "Only rows that end on or after this date.")
const until = dateOption("until", "Only rows that start before this date.")
const project = Options.text("project").pipe(Options.optional, Options.withDescription("Only this project (directory name)."))
const out = Options.text("out").pipe(Options.optional, Options.withDescription("Write to this file instead of stdout (required for parquet)."))

/** DuckDB writes files, so stdout gets a temporary file's bytes, removed afterwards. */
const throughTempFile = <E, R>(write: (file: string) => Effect.Effect<void, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "csl-export-"))),
    (dir) => {
      const file = join(dir, "export")
      return write(file).pipe(Effect.flatMap(() => Effect.sync(() => process.stdout.write(readFileSync(file)))))
    },
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true })),
  )

export const exportCommand = Command.make("export", { table, format, since, until, project, out }, (args) =>
  Effect.gen(function* () {
    const filter = { since: optionalValue(args.since), until: optionalValue(args.until), project: optionalValue(args.project) }
    const store = yield* LocalStore
    const write = (file: string) => store.read((db) => writeExport(db, args.table, args.format, filter, file))
    if (Option.isSome(args.out)) return yield* write(resolve(args.out.value))
    if (args.format === "parquet") return yield* new ExportNotPossible({ reason: "Parquet is binary: give --out FILE" })
    yield* throughTempFile(write)
  })).pipe(Command.withDescription("Writes a table (sessions, session_models, log_entries, events, activity) as CSV, JSON, JSONL or Parquet."))
