import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { join } from "node:path"
import { appendActivityLog } from "../../config/activity-log.js"
import { AppConfig } from "../../config/app-config.js"
import { handleMemoryHook } from "../../memory/memory-hook.js"
import type { HeldBack } from "../../memory/local-changes.js"
import { Memory, type PullResult, type PushResult } from "../../memory/memory-service.js"
import { redactSecrets } from "../../sync/redact-secrets.js"
import { Sync } from "../../sync/sync-service.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"
import { remoteOption } from "./sync.js"
import { memorySearchOutput } from "./memory-output.js"

const quiet = Options.boolean("quiet").pipe(
  Options.withDescription("For hooks: print nothing, report failures in sync.log, always exit 0."),
)
const allow = Options.text("allow").pipe(
  Options.repeated,
  Options.withDescription("Push this file (name, with or without .md) although it looks like it holds a secret."),
)
const projectKey = Options.text("project-key").pipe(
  Options.optional,
  Options.withDescription("The project's key (default: the current directory's project, as entries name it)."),
)

const warnHeld = (held: ReadonlyArray<HeldBack>) => Effect.forEach(held, (file) => Console.error(`held back: ${file.path}: ${file.reason}`), { discard: true })

const pushLine = (result: PushResult) => `memory: pushed ${result.pushed} file(s), ${result.deleted} deletion(s)`
const pullLines = (result: PullResult) => [
  `memory: wrote ${result.written.length} file(s), deleted ${result.deleted.length}`,
  ...result.conflicts.map((copy) => `conflict: changed here and elsewhere; the other version is in ${copy} — merge it, then delete that file`),
]

/** In the background nobody reads a terminal: one line in sync.log, and exit 0. */
const quietly = <A, E extends { readonly message: string }, R>(isQuiet: boolean, work: Effect.Effect<A, E, R>) =>
  isQuiet
    ? work.pipe(
      Effect.asVoid,
      Effect.catchAll((error) =>
        AppConfig.pipe(Effect.flatMap(({ paths }) =>
          Effect.sync(() => appendActivityLog(join(paths.dataDir, "sync.log"), `memory: ${redactSecrets(error.message)}`))
        ))
      ),
    )
    : work.pipe(Effect.asVoid)

const push = Command.make("push", { allow, quiet, json }, (args) =>
  quietly(args.quiet, Effect.gen(function* () {
    const result = yield* (yield* Memory).push(args.allow)
    if (args.quiet) return
    if (args.json) return yield* printJson(result)
    yield* warnHeld(result.held)
    for (const dir of result.unkeyed) yield* Console.error(`skipped: ${dir}: no transcript says which project it belongs to`)
    yield* Console.log(pushLine(result))
  }))).pipe(Command.withDescription("Record memory files new, changed or deleted here since the last push, as events."))

const pull = Command.make("pull", { quiet, json }, (args) =>
  quietly(args.quiet, Effect.gen(function* () {
    const result = yield* (yield* Memory).pull
    if (args.quiet) return
    if (args.json) return yield* printJson(result)
    yield* Console.log(pullLines(result).join("\n"))
  }))).pipe(Command.withDescription("Write the newest version of every memory file of the projects on this machine."))

const sync = Command.make("sync", { allow, remote: remoteOption, quiet, json }, (args) =>
  quietly(args.quiet, Effect.gen(function* () {
    const memory = yield* Memory
    const pushed = yield* memory.push(args.allow)
    const exchanged = yield* (yield* Sync).sync(Option.getOrUndefined(args.remote))
    const pulled = yield* memory.pull
    if (args.quiet) return
    if (args.json) return yield* printJson({ pushed, exchanged: exchanged ?? null, pulled })
    yield* warnHeld(pushed.held)
    yield* Console.log([
      pushLine(pushed),
      exchanged === undefined ? "another sync of this data dir is running" : `events: pushed ${exchanged.pushed}, pulled ${exchanged.pulled} (${exchanged.remote})`,
      ...pullLines(pulled),
    ].join("\n"))
  }))).pipe(Command.withDescription("Push, exchange events with the remote, pull."))

export const memorySearchCommand = Command.make("search", {
  text: Args.text({ name: "text" }),
  projectKey,
  allProjects: Options.boolean("all-projects").pipe(Options.withDescription("Search every project's memory.")),
  full: Options.boolean("full").pipe(Options.withDescription("Print whole matching files instead of matching lines.")),
  json,
}, (args) =>
  Effect.gen(function* () {
    const files = yield* (yield* Memory).search(args.text, { projectKey: Option.getOrUndefined(args.projectKey), allProjects: args.allProjects })
    const output = memorySearchOutput(files, args.text, { full: args.full, json: args.json, withProject: args.allProjects })
    if (output !== "") yield* Console.log(output)
  })).pipe(Command.withDescription("Memory lines containing TEXT (any case), from the local store: no network, no writes."))

const get = Command.make("get", { fragment: Args.text({ name: "name-fragment" }), projectKey }, (args) =>
  Effect.gen(function* () {
    const file = yield* (yield* Memory).get(args.fragment, Option.getOrUndefined(args.projectKey))
    yield* Effect.sync(() => process.stdout.write(file.content))
  })).pipe(Command.withDescription("One memory file's whole content, by (part of) its name."))

const hook = Command.make("hook", {}, () => Effect.promise(() => handleMemoryHook(process.argv[1] ?? "", process.env))).pipe(
  Command.withDescription("Claude Code's PostToolUse hook (Write|Edit): records a written memory file. Always exits 0."),
)

const status = Command.make("status", { json }, (args) =>
  Effect.gen(function* () {
    const state = yield* (yield* Memory).status
    if (args.json) return yield* printJson(state)
    yield* Console.log([
      `waiting to push:   ${state.waiting_to_push.length} file(s)${state.waiting_to_push.map((file) => `\n  ${file.change === "deleted" ? "deleted " : ""}${file.path}`).join("")}`,
      ...(state.held_back.length === 0 ? [] : [`held back:         ${state.held_back.map((file) => `\n  ${file.path}: ${file.reason}`).join("")}`]),
      `last push:         ${state.last_push_at ?? "never"}`,
      `last pull:         ${state.last_pull_at ?? "never"}`,
      `conflicts:         ${state.conflicts.length === 0 ? "none" : state.conflicts.map((row) => `\n  ${row.file} ↔ ${row.conflict_copy} (from ${row.from})`).join("")}`,
      ...(state.not_on_this_machine.length === 0 ? [] : [
        `kept, not on this machine: ${state.not_on_this_machine.map((row) => `${row.project_key} (${row.files} file(s))`).join(", ")}`,
      ]),
    ].join("\n"))
  })).pipe(Command.withDescription("Memory files waiting to push, last push and pull, conflicts."))

export const memoryCommand = Command.make("memory").pipe(
  Command.withDescription("Claude Code's memory files (~/.claude/projects/*/memory/*.md), synced as events across your machines."),
  Command.withSubcommands([push, pull, sync, memorySearchCommand, get, hook, status]),
)
