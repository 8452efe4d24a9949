/**
 * The installed bin. Claude Code runs `session-start` (or `recent` and `inbox --count`) at
 * every session start and `record` at every session end, so those are answered here without loading Effect or DuckDB
 * (a few ms instead of a few hundred): the first two from the snapshot file, `record` by
 * queueing the hook input and starting a detached drain. The bare command on a terminal opens
 * the browser from here too, so its menu shows before the full CLI loads, and `search` answers
 * from a current search index (search.cjs). Any other arguments,
 * including any the hot path does not recognise, go to the full CLI.
 */
import { runBrowserInTerminal } from "../browser/run-in-terminal.js"
import { handleSessionEnd } from "../recording/session-end-hook.js"
import { handleSessionStart } from "../setup/session-start-hook.js"
import { defaultRecentLimit, inboxCountOutput, recentOutput } from "../snapshot/hot-path.js"

type HotPath =
  | { readonly kind: "recent"; readonly limit: number; readonly json: boolean }
  | { readonly kind: "inbox-count" }
  | { readonly kind: "record"; readonly sync: boolean }
  | { readonly kind: "session-start" }

const hotPathOf = (args: ReadonlyArray<string>): HotPath | undefined => {
  if (args.length === 2 && args[0] === "inbox" && args[1] === "--count") return { kind: "inbox-count" }
  if (args.length === 1 && args[0] === "session-start") return { kind: "session-start" }
  if (args[0] === "record" && args.slice(1).every((arg) => arg === "--no-sync")) {
    return { kind: "record", sync: !args.includes("--no-sync") }
  }
  if (args[0] !== "recent") return undefined
  let limit = defaultRecentLimit
  let json = false
  for (let index = 1; index < args.length; index++) {
    const arg = args[index]
    const inlineLimit = arg?.startsWith("--limit=") ? arg.slice("--limit=".length) : undefined
    const limitText = arg === "--limit" ? args[++index] : inlineLimit
    if (arg === "--json") json = true
    else if (limitText !== undefined && /^\d+$/.test(limitText)) limit = Number(limitText)
    else return undefined
  }
  return { kind: "recent", limit, json }
}

const args = process.argv.slice(2)
const hotPath = hotPathOf(args)
if (args.length === 0 && process.stdin.isTTY && process.stdout.isTTY) {
  // The browser: its menu is on screen before Effect and DuckDB are loaded (browser-backend.cjs).
  const loadBackend = () => (require("./browser-backend.cjs") as typeof import("../browser/browser-backend.js")).createBrowserBackend()
  runBrowserInTerminal(__dirname, loadBackend).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`claude-session-logger: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(70)
  })
} else if (hotPath === undefined && args[0] === "search") {
  const fastSearch = (require("./search.cjs") as typeof import("./search-fast-path.js")).fastSearchOutput(args, process.env)
  fastSearch.then((output) => (output === undefined ? require("./main.cjs") : process.stdout.write(`${output}\n`)), () => require("./main.cjs"))
} else if (hotPath === undefined) {
  require("./main.cjs")
} else {
  try {
    if (hotPath.kind === "record") {
      handleSessionEnd(__filename, process.env, hotPath).catch(() => undefined) // a hook never fails
    } else if (hotPath.kind === "session-start") handleSessionStart(__filename, process.env)
    else {
      const output = hotPath.kind === "recent" ? recentOutput(hotPath, process.env) : inboxCountOutput(process.env)
      if (output !== "") process.stdout.write(`${output}\n`)
    }
  } catch {
    // Hooks must never fail: print nothing.
  }
}
