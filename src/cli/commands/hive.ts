import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option, Schema } from "effect"
import { isAbsolute, resolve } from "node:path"
import { AppConfig, logToSyncLog } from "../../config/app-config.js"
import { setConfiguredHive } from "../../config/data-dir-config.js"
import { projectName } from "../../config/project-identity.js"
import { HiveFileNotFound } from "../../hive/hive-errors.js"
import type { HiveFileRef, HiveSyncResult, PublishableFile } from "../../hive/hive-api.js"
import { Hive } from "../../hive/hive-service.js"
import { AmbiguousMemoryFile } from "../../memory/memory-errors.js"
import { redactSecrets } from "../../sync/redact-secrets.js"
import { printJson } from "../output.js"
import { logFailuresWhenQuiet, quietOption } from "../quiet-mode.js"
import { json } from "../shared-options.js"
import { hiveFileLabel, hiveSyncNotices } from "../../hive/hive-sync-notices.js"

/** Some files were not published (secret-looking): the rest went out, and the exit code says so. */
class PublishRefused extends Schema.TaggedError<PublishRefused>()("PublishRefused", { files: Schema.Number }) {
  override get message() {
    return `${this.files} file(s) refused (see above); the others went out`
  }
}

/** A command given nothing to act on; `choices` says what it takes. */
class NothingNamed extends Schema.TaggedError<NothingNamed>()("NothingNamed", { command: Schema.String, choices: Schema.String }) {
  override get message() {
    return `hive ${this.command}: name ${this.choices}`
  }
}

const files = Args.text({ name: "file" }).pipe(Args.repeated, Args.withDescription("A memory file: its path, project/name, or name (.md optional)."))
const projectOption = Options.text("project").pipe(Options.repeated, Options.withDescription("Every memory file of this project (its project key)."))
const all = Options.boolean("all").pipe(Options.withDescription("Every memory file on this machine."))
const allow = Options.text("allow").pipe(
  Options.repeated,
  Options.withDescription("Publish this file (name, or project/name) although it looks like it holds a secret."),
)

const withMd = (name: string) => (name.endsWith(".md") ? name : `${name}.md`)

/**
 * Which memory files the words name: a path, `project/name`, or a name (the current project's
 * first, then any project's, when only one has it).
 */
const chooseFiles = (
  available: ReadonlyArray<PublishableFile>,
  words: ReadonlyArray<string>,
  projects: ReadonlyArray<string>,
  everything: boolean,
  cwd: string,
) =>
  Effect.gen(function* () {
    const chosen = new Map<string, PublishableFile>()
    const add = (file: PublishableFile) => chosen.set(hiveFileLabel(file), file)
    if (everything) available.forEach(add)
    for (const project of projects) available.filter((file) => file.projectKey === project).forEach(add)
    const here = projectName(cwd)
    for (const word of words) {
      const path = isAbsolute(word) ? word : resolve(cwd, word)
      const byPath = available.filter((file) => file.path === path)
      const byLabel = available.filter((file) => hiveFileLabel(file) === word || hiveFileLabel(file) === withMd(word))
      const byName = available.filter((file) => file.name === withMd(word))
      const byNameHere = byName.filter((file) => file.projectKey === here)
      const found = [byPath, byLabel, byNameHere, byName].find((matches) => matches.length > 0) ?? []
      if (found.length === 0) return yield* new HiveFileNotFound({ file: word })
      if (found.length > 1) return yield* new AmbiguousMemoryFile({ fragment: word, names: found.map(hiveFileLabel) })
      found.forEach(add)
    }
    return [...chosen.values()]
  })

const chosenFiles = (command: string, args: { readonly files: ReadonlyArray<string>; readonly project: ReadonlyArray<string>; readonly all: boolean }) =>
  Effect.gen(function* () {
    if (args.files.length === 0 && args.project.length === 0 && !args.all) return yield* new NothingNamed({ command, choices: "files (FILE…), or pass --project P or --all; `claude-hive list` shows them" })
    const hive = yield* Hive
    return yield* chooseFiles(yield* hive.publishableFiles, args.files, args.project, args.all, (yield* AppConfig).cwd)
  })

const notDelivered = (unreachable: string | null) =>
  unreachable === null ? Effect.void : Console.error(`not delivered yet: ${unreachable}; \`claude-hive sync\` sends it later`)

const publish = Command.make("publish", { files, project: projectOption, all, allow, json }, (args) =>
  Effect.gen(function* () {
    const chosen = yield* chosenFiles("publish", args)
    const result = yield* (yield* Hive).publish(chosen, { allow: args.allow })
    if (args.json) yield* printJson(result)
    else {
      const bytes = new Map(chosen.map((file) => [hiveFileLabel(file), file.bytes]))
      yield* Console.log([
        `hive: ${result.url}`,
        ...result.published.map((file) => `published  ${hiveFileLabel(file)} (${bytes.get(hiveFileLabel(file)) ?? 0} bytes)`),
        ...result.unchanged.map((file) => `unchanged  ${hiveFileLabel(file)}`),
      ].join("\n"))
      for (const file of result.refused) yield* Console.error(`refused: ${hiveFileLabel(file)}: ${file.reason}`)
      yield* notDelivered(result.unreachable)
    }
    if (result.refused.length > 0) return yield* new PublishRefused({ files: result.refused.length })
  })).pipe(Command.withDescription("Publish memory files to your hive: prints exactly which go out; secret-looking ones are refused unless --allow."))

const unpublish = Command.make("unpublish", { files, project: projectOption, all, json }, (args) =>
  Effect.gen(function* () {
    const hive = yield* Hive
    // A file deleted here can still be unpublished by project/name.
    const named = yield* chosenFiles("unpublish", args).pipe(
      Effect.catchTag("HiveFileNotFound", () =>
        Effect.succeed(args.files.flatMap((word): ReadonlyArray<HiveFileRef> => {
          const [projectKey, ...rest] = word.split("/")
          return projectKey === undefined || rest.length !== 1 ? [] : [{ projectKey, name: withMd(rest.join("/")) }]
        }))),
    )
    if (named.length === 0) return yield* new HiveFileNotFound({ file: args.files.join(" ") })
    const result = yield* hive.unpublish(named)
    if (args.json) return yield* printJson(result)
    yield* Console.log([
      `hive: ${result.url}`,
      ...result.unpublished.map((file) => `unpublished  ${hiveFileLabel(file)}`),
      ...result.notPublished.map((file) => `not published  ${hiveFileLabel(file)}`),
    ].join("\n"))
    yield* notDelivered(result.unreachable)
  })).pipe(Command.withDescription("Take memory files out of your hive: subscribers' copies go on their next sync."))

const url = Command.make("url", {
  set: Options.text("set").pipe(Options.optional, Options.withDescription("Where your hive lives: a DuckDB file path teammates can read, or md:claude_hive.")),
}, (args) =>
  Effect.gen(function* () {
    const config = yield* AppConfig
    yield* Option.match(args.set, {
      onNone: () => Effect.void,
      onSome: (value) => Effect.sync(() => setConfiguredHive(config.paths.dataDir, value.startsWith("md:") ? value : resolve(config.cwd, value))),
    })
    yield* Console.log(yield* (yield* Hive).url)
  })).pipe(Command.withDescription("Your hive's URL, to give teammates (it works like a public link: anyone holding it reads what you publish)."))

const subscribe = Command.make("subscribe", {
  url: Args.text({ name: "url" }),
  project: Options.text("project").pipe(Options.repeated, Options.withDescription("Only this project (repeat for more). Default: every project the hive offers.")),
  json,
}, (args) =>
  Effect.gen(function* () {
    const subscription = yield* (yield* Hive).subscribe(args.url, args.project.length === 0 ? "all" : args.project)
    if (args.json) return yield* printJson(subscription)
    yield* Console.log(`subscribed to ${subscription.url} (${projectsText(subscription.projects)}); \`claude-hive sync\` fetches it`)
  })).pipe(Command.withDescription("Subscribe to a teammate's hive (all its projects, or --project P…)."))

const projectsText = (projects: ReadonlyArray<string> | "all") => (projects === "all" ? "all projects" : projects.join(", "))

const unsubscribe = Command.make("unsubscribe", {
  url: Args.text({ name: "url" }).pipe(Args.optional),
  project: Options.text("project").pipe(Options.optional, Options.withDescription("Drop this project from every subscription that lists it.")),
}, (args) =>
  Effect.gen(function* () {
    const target = Option.isSome(args.url) ? { url: args.url.value } : Option.isSome(args.project) ? { project: args.project.value } : undefined
    if (target === undefined) return yield* new NothingNamed({ command: "unsubscribe", choices: "a hive URL, or pass --project P; `claude-hive list` shows your subscriptions" })
    const dropped = yield* (yield* Hive).unsubscribe(target)
    yield* Console.log(dropped.map((row) => `unsubscribed: ${row.url} (${projectsText(row.projects)}); its copies go on the next sync`).join("\n"))
  })).pipe(Command.withDescription("Stop subscribing to a hive (URL) or to one project (--project P)."))

export const hiveSyncLines = (result: HiveSyncResult): ReadonlyArray<string> => [
  `hive: wrote ${result.written.length} file(s), removed ${result.removed.length}, pulled ${result.entryEventsPulled} entry event(s), delivered ${result.published} event(s) to your hive`,
  ...hiveSyncNotices(result),
]

const sync = Command.make("sync", { quiet: quietOption("For hooks: print nothing, report failures in sync.log, always exit 0."), json }, (args) =>
  Effect.gen(function* () {
    const result = yield* (yield* Hive).sync.pipe(
      Effect.catchTag("HiveSyncBusy", (busy) => (args.quiet ? Effect.void : Console.log(busy.message)).pipe(Effect.as(undefined))),
    )
    if (args.quiet || result === undefined) return
    if (args.json) return yield* printJson(result)
    yield* Console.log(hiveSyncLines(result).join("\n"))
  }).pipe(logFailuresWhenQuiet(args.quiet, (message) => logToSyncLog(`hive sync: ${redactSecrets(message)}`)))).pipe(
    Command.withDescription("Send your published files' new versions and hive projects' entry events to your hive; fetch subscribed hives."),
  )

const list = Command.make("list", { json }, (args) =>
  Effect.gen(function* () {
    const hive = yield* Hive
    const publishable = yield* hive.publishableFiles
    const subscriptions = yield* hive.subscriptions
    if (args.json) return yield* printJson({ files: publishable, subscriptions })
    yield* Console.log([
      "memory files on this machine:",
      ...(publishable.length === 0 ? ["  none"] : publishable.map((file) =>
        `  ${file.published ? (file.changedSincePublished ? "published, changed since" : "published") : "not published"}  ${hiveFileLabel(file)} (${file.bytes} bytes)${
          file.secretKind === null ? "" : `  looks secret: ${file.secretKind}`
        }`
      )),
      "subscriptions:",
      ...(subscriptions.length === 0 ? ["  none"] : subscriptions.map((row) =>
        `  ${row.url} (${projectsText(row.projects)}): ${row.files} file(s), last sync ${row.lastSyncAt ?? "never"}${row.lastError === null ? "" : `, last error: ${row.lastError}`}`
      )),
    ].join("\n"))
  })).pipe(Command.withDescription("Memory files (published or not, secret-looking) and subscriptions."))

const projects = Command.make("projects", { url: Args.text({ name: "url" }), json }, (args) =>
  Effect.gen(function* () {
    const offered = yield* (yield* Hive).projectsAt(args.url)
    if (args.json) return yield* printJson(offered)
    yield* Console.log(offered.length === 0 ? "no projects in this hive yet" : offered.map((row) => `${row.projectKey}: ${row.files} file(s), ${row.entries} entr${row.entries === 1 ? "y" : "ies"}`).join("\n"))
  })).pipe(Command.withDescription("The projects a hive offers, to choose from before subscribing."))

export const hiveCommand = Command.make("hive").pipe(
  Command.withDescription("Share memory with teammates: publish yours, subscribe to theirs, share hive projects' notes."),
  Command.withSubcommands([publish, unpublish, url, subscribe, unsubscribe, sync, list, projects]),
)
