/**
 * The installed bin. Claude Code runs `session-start` (or `recent` and `inbox --count`) at
 * every session start and `record` at every session end, so those are answered here without loading Effect or DuckDB
 * (a few ms instead of a few hundred): the first two from the snapshot file, `record` by
 * queueing the hook input and starting a detached drain; `memory hook` (PostToolUse) likewise,
 * from its own small bundle (memory-hook.cjs). The bare command on a terminal opens the browser
 * from here too, so its menu shows before the full CLI loads, and bare `hive` (the bare `claude-hive`) the hive app; `search` answers from a current
 * search index (search.cjs), `memory search` from a current memory index (memory-search.cjs) and
 * `statusline` from its own bundle (statusline.cjs). `list`, `show`, `log` and `resolve` are answered
 * from the entries read model and the spool where light-entries.ts can (light-entries.cjs).
 * A bare `backfill` over an unchanged history is answered by light-backfill.cjs.
 * `--help` and `--version` are printed from the full CLI's own output, taken at build time. Any other arguments, including any the hot path does
 * not recognise, go to the bundle command-table.ts names (the full CLI, or the entries commands'
 * own), compiled from its code cache.
 */
import { join } from "node:path"
import { runHiveInTerminal } from "../browser/run-hive-in-terminal.js"
import { runBrowserInTerminal } from "../browser/run-in-terminal.js"
import { keepNewFilesPrivate } from "../config/private-files.js"
import { handleSessionEnd } from "../recording/session-end-hook.js"
import { handleSessionStart } from "../setup/session-start-hook.js"
import { defaultRecentLimit, inboxCountOutput, recentOutput } from "../snapshot/hot-path.js"
import { requireWithCodeCache } from "./code-cache.js"
import { type Bundle, bundleFor } from "./command-table.js"
import { countOf, fastCommands, isLightEntryCommand } from "./fast-commands.js"

/** Set by build.mjs: each bundle's code cache, named after this build of it, and the full CLI's --help and --version output. */
declare const __CSL_CODE_CACHES__: Readonly<Record<Bundle | "light-entries.cjs", string>>
declare const __CSL_ROOT_OUTPUTS__: Readonly<Record<string, string>>

type HotPath =
  | { readonly kind: "recent"; readonly limit: number; readonly json: boolean }
  | { readonly kind: "inbox-count" }
  | { readonly kind: "record"; readonly sync: boolean }
  | { readonly kind: "session-start" }
  | { readonly kind: "memory-hook" }
  | { readonly kind: "statusline" }

const hotPathOf = ([command, ...rest]: ReadonlyArray<string>): HotPath | undefined => {
  if (command === "inbox") return fastCommands.inbox.parse(rest)?.values.count === true ? { kind: "inbox-count" } : undefined
  if (command === "memory" && rest.length === 1 && rest[0] === "hook") return { kind: "memory-hook" }
  if (command === "session-start") return fastCommands["session-start"].parse(rest) && { kind: "session-start" }
  if (command === "statusline") return fastCommands.statusline.parse(rest) && { kind: "statusline" }
  if (command === "record") {
    const record = fastCommands.record.parse(rest)
    return record && { kind: "record", sync: record.values["no-sync"] !== true }
  }
  if (command !== "recent") return undefined
  const recent = fastCommands.recent.parse(rest)
  const limit = countOf(recent?.values.limit, defaultRecentLimit)
  return recent && limit !== undefined ? { kind: "recent", limit, json: recent.values.json === true } : undefined
}

/** Bare, or bare `sessions` (the Python version's habit), at a terminal: the browser. */
const opensBrowser = (args: ReadonlyArray<string>) => args.length === 0 || (args.length === 1 && args[0] === "sessions")
/** Bare `hive` (what the bare `claude-hive` bin runs) at a terminal: the hive app; elsewhere the full CLI prints its help. */
const opensHiveApp = (args: ReadonlyArray<string>) => args.length === 1 && args[0] === "hive"
const atTerminal = () => process.stdin.isTTY && process.stdout.isTTY

/** A full-screen app's exit code becomes the process's; an unexpected failure one line on stderr. */
const exitWhenDone = (app: Promise<number>) =>
  app.then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`claude-session-logger: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(70)
  })

const requireBundle = (bundle: Bundle | "light-entries.cjs") => requireWithCodeCache(join(__dirname, bundle), join(__dirname, __CSL_CODE_CACHES__[bundle]))
const requireFullCli = () => requireBundle("main.cjs")

// Before any fast path writes: the spool, the hook queues and the snapshot are the user's alone.
keepNewFilesPrivate()
const args = process.argv.slice(2)
const hotPath = hotPathOf(args)
const [onlyArg] = args
if (args.length === 1 && onlyArg !== undefined && Object.hasOwn(__CSL_ROOT_OUTPUTS__, onlyArg)) {
  process.stdout.write(__CSL_ROOT_OUTPUTS__[onlyArg] ?? "")
} else if (opensBrowser(args) && atTerminal()) {
  // The browser: its menu is on screen before Effect and DuckDB are loaded (browser-backend.cjs).
  const loadBackend = () => (require("./browser-backend.cjs") as typeof import("../browser/browser-backend.js")).createBrowserBackend()
  exitWhenDone(runBrowserInTerminal(__dirname, loadBackend))
} else if (opensHiveApp(args) && atTerminal()) {
  // Likewise the hive app, whose backend is hive-backend.cjs.
  const loadBackend = () => (require("./hive-backend.cjs") as typeof import("../browser/hive-backend.js")).createHiveBackend()
  exitWhenDone(runHiveInTerminal(__dirname, loadBackend))
} else if (hotPath === undefined && args[0] === "search") {
  const fastSearch = (require("./search.cjs") as typeof import("./search-fast-path.js")).fastSearchOutput(args, process.env)
  fastSearch.then((output) => (output === undefined ? requireFullCli() : process.stdout.write(`${output}\n`)), requireFullCli)
} else if (hotPath === undefined && args[0] === "memory" && args[1] === "search") {
  const output = (require("./memory-search.cjs") as typeof import("./memory-search-fast-path.js")).fastMemorySearchOutput(args, process.env)
  if (output === undefined) requireFullCli()
  else process.stdout.write(output)
} else if (hotPath === undefined) {
  const lightPathOff = (process.env.CLAUDE_LOGGER_FULL_CLI ?? "") !== ""
  const answeredLight = !lightPathOff && (
    (isLightEntryCommand(args[0]) && (requireBundle("light-entries.cjs") as typeof import("./light-entries.js")).answeredLight(args, process.env, __filename)) ||
    (args.length === 1 && args[0] === "backfill" && (require("./light-backfill.cjs") as typeof import("./light-backfill.js")).answeredLight(process.env))
  )
  if (!answeredLight) requireBundle(bundleFor(args))
} else {
  try {
    if (hotPath.kind === "record") {
      handleSessionEnd(__filename, process.env, hotPath).catch(() => undefined) // a hook never fails
    } else if (hotPath.kind === "memory-hook") require("./memory-hook.cjs")
    else if (hotPath.kind === "session-start") handleSessionStart(__filename, process.env)
    else if (hotPath.kind === "statusline") require("./statusline.cjs")
    else {
      const output = hotPath.kind === "recent" ? recentOutput(hotPath, process.env) : inboxCountOutput(process.env)
      if (output !== "") process.stdout.write(`${output}\n`)
    }
  } catch {
    // Hooks must never fail: print nothing.
  }
}
