import { Effect } from "effect"
import { existsSync, readdirSync } from "node:fs"
import { homedir } from "node:os"
import { fallbackLogPath } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { syncsMemory } from "../config/data-dir-config.js"
import { Hive } from "../hive/hive-service.js"
import { pendingDir } from "../recording/pending-recordings.js"
import { LocalStore } from "../local-store/local-store.js"
import { resolveToken } from "../sync/motherduck-token.js"
import { Sync } from "../sync/sync-service.js"
import { readSettings, settingsPath } from "./claude-settings.js"
import { crontabProgram, hasCronLine } from "./crontab.js"
import { isOwnHook } from "./hook-entries.js"
import { unwritableReason } from "./data-dir-writable.js"
import { launchAgentPath } from "./launch-agent.js"
import { legacyWiringCheck } from "./legacy-wiring-check.js"

export interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
  /** What to do when it is not ok. */
  readonly remedy?: string
}

const queued = (dir: string) => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".json")).length
  } catch {
    return 0
  }
}

/** Why a check that needs the store could not run; the database check already says what to do. */
const notChecked = (error: { readonly _tag: string; readonly message: string }) =>
  error._tag === "StoreDamaged" ? "the local store is damaged (see the database check)" : error.message

const runSetup = "run `claude-session-logger setup`"

/** The paths a hook command calls, each of which must exist: `'node' 'cli.cjs' …`. */
const calledPaths = (command: string) => [...command.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? "").filter((path) => path.startsWith("/"))

/** One check per subscribed hive: can it be read now? */
const hiveChecks = Effect.gen(function* () {
  const hive = yield* Hive
  const subscriptions = yield* hive.subscriptions.pipe(Effect.either)
  if (subscriptions._tag === "Left") return [{ name: "hive subscriptions", ok: false, detail: `not checked: ${notChecked(subscriptions.left)}` }]
  return yield* Effect.forEach(subscriptions.right, (subscription) =>
    hive.projectsAt(subscription.url).pipe(
      Effect.match({
        onFailure: (error): Check => ({
          name: "hive subscription",
          ok: false,
          detail: error.message,
          remedy: "check the network, the token, or the URL with the teammate; the other hives still sync",
        }),
        onSuccess: (projects): Check => ({ name: "hive subscription", ok: true, detail: `${subscription.url} reachable (${projects.length} project(s))` }),
      }),
    ))
})

/** One check per concern; each failing one says how to fix it. */
export const doctorChecks = Effect.gen(function* () {
  const { paths } = yield* AppConfig
  const sync = yield* Sync
  const env = process.env
  const checks: Array<Check> = []

  const settingsFile = settingsPath(env, env.HOME ?? homedir())
  const settings = yield* readSettings(settingsFile).pipe(Effect.either)
  if (settings._tag === "Left") {
    checks.push({ name: "hooks", ok: false, detail: settings.left.message, remedy: `fix ${settingsFile}, then ${runSetup}` })
  } else {
    for (const event of ["SessionStart", "SessionEnd", ...(syncsMemory(paths.dataDir) ? ["PostToolUse"] : [])]) {
      const own = (settings.right.hooks?.[event] ?? []).flatMap((group) => group.hooks).filter(isOwnHook)
      const missing = own.flatMap((hook) => calledPaths(hook.command)).filter((path) => !existsSync(path))
      checks.push(
        own.length === 0
          ? { name: `${event} hook`, ok: false, detail: `not in ${settingsFile}`, remedy: runSetup }
          : missing.length > 0
          ? { name: `${event} hook`, ok: false, detail: `points at missing ${missing.join(", ")}`, remedy: runSetup }
          : { name: `${event} hook`, ok: true, detail: `installed in ${settingsFile}` },
      )
    }
  }

  if (settings._tag === "Right") checks.push(...yield* legacyWiringCheck(settings.right.hooks, env.HOME ?? homedir(), crontabProgram(env)))

  // Read-only, so that doctor itself works on a full disk; a damaged store does not stop the other checks.
  const opened = yield* (yield* LocalStore).read(() => Effect.void).pipe(Effect.either)
  checks.push(
    opened._tag === "Right"
      ? { name: "database", ok: true, detail: `opens: ${paths.database}` }
      : opened.left._tag === "StoreDamaged"
      ? { name: "database", ok: false, detail: `${opened.left.path} is damaged (${opened.left.reason})`, remedy: "run `claude-session-logger recover`: it sets the damaged file aside and rebuilds the store from its backups, the remote, the transcripts and the spool" }
      : { name: "database", ok: false, detail: opened.left.message, remedy: "close other claude-session-logger processes, or see the log" },
  )

  const unwritable = unwritableReason([paths.dataDir, pendingDir(paths.dataDir), paths.spoolDir])
  checks.push(unwritable === undefined
    ? { name: "data dir", ok: true, detail: `writable: ${paths.dataDir}` }
    : { name: "data dir", ok: false, detail: `${unwritable}; sessions ending now cannot be queued (the reason goes to ${paths.log}, or ${fallbackLogPath()} when that cannot be written)`, remedy: `make ${paths.dataDir} writable, then run \`claude-session-logger backfill\`` })

  const waiting = queued(paths.spoolDir) + queued(pendingDir(paths.dataDir))
  checks.push(waiting === 0
    ? { name: "queues", ok: true, detail: "spool and pending recordings are empty" }
    : { name: "queues", ok: false, detail: `${waiting} event(s) or session(s) still queued`, remedy: "run `claude-session-logger process-recordings` (any command also ingests the spool)" })

  const token = resolveToken(env)
  checks.push({ name: "MotherDuck token", ok: true, detail: token === undefined ? "none (local only, or a shared-file remote)" : `present (from ${token.source})` })

  if (process.platform === "darwin") {
    const registered = existsSync(launchAgentPath(env.HOME ?? homedir()))
    checks.push(registered
      ? { name: "background sync", ok: true, detail: "LaunchAgent registered" }
      : { name: "background sync", ok: false, detail: "no LaunchAgent", remedy: runSetup })
  } else if (process.platform !== "win32") {
    const registered = yield* hasCronLine(crontabProgram(env)).pipe(Effect.either)
    checks.push(
      registered._tag === "Left"
        ? { name: "background sync", ok: false, detail: registered.left.message, remedy: `install cron (for example \`apt-get install cron\`), then ${runSetup}` }
        : registered.right
        ? { name: "background sync", ok: true, detail: "crontab line registered (every 15 minutes)" }
        : { name: "background sync", ok: false, detail: "no crontab line", remedy: runSetup },
    )
  }

  const reachable = yield* sync.probe(undefined).pipe(Effect.either)
  if (reachable._tag === "Right") checks.push({ name: "remote", ok: true, detail: `${reachable.right} reachable` })
  else if (reachable.left._tag === "NoRemoteConfigured") checks.push({ name: "remote", ok: true, detail: "none configured (local only)" })
  else if (reachable.left._tag === "RemoteDamaged") checks.push({ name: "remote", ok: false, detail: reachable.left.message })
  else if (reachable.left._tag === "RemoteUnavailable") checks.push({ name: "remote", ok: false, detail: reachable.left.message, remedy: "check the network and the token; events wait locally meanwhile" })
  else checks.push({ name: "remote", ok: false, detail: `not checked: ${notChecked(reachable.left)}` })

  const status = yield* sync.status(undefined).pipe(Effect.either)
  if (status._tag === "Left") checks.push({ name: "last sync", ok: false, detail: `unknown: ${notChecked(status.left)}` })
  else {
    checks.push(status.right.remote.startsWith("none") || status.right.last_sync_at !== null
      ? { name: "last sync", ok: true, detail: status.right.last_sync_at ?? "not needed (local only)" }
      : { name: "last sync", ok: false, detail: "never", remedy: "run `claude-session-logger sync`" })
  }
  checks.push(...yield* hiveChecks)
  return checks
})
