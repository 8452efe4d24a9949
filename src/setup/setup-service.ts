import { Effect } from "effect"
import { chmodSync, existsSync, rmSync, statSync } from "node:fs"
import { homedir } from "node:os"
import { dirname, join } from "node:path"
import { AppConfig } from "../config/app-config.js"
import { configFileIn, keepPromptTitlesPrivate, syncsMemory, turnMemorySyncOff } from "../config/data-dir-config.js"
import { ownFileSource } from "../legacy/legacy-import.js"
import { findLegacyTables, holdsLegacyData } from "../legacy/legacy-tables.js"
import { SetupFileFailed } from "./setup-errors.js"
import { LocalStore } from "../local-store/local-store.js"
import { resolveToken, tokenFilePath } from "../sync/motherduck-token.js"
import { describeRemote, resolveRemoteTarget } from "../sync/remote-target.js"
import { readSettings, settingsPath, writeSettings } from "./claude-settings.js"
import { crontabProgram, installCronLine, removeCronLine } from "./crontab.js"
import { removeHiveCopies } from "../hive/hive-files.js"
import { hiveUrlOf, ownHiveTarget } from "../hive/hive-target.js"
import { installClaudeInstructions, removeClaudeInstructions } from "./claude-instructions.js"
import { cliCommand, ownHooks, ownMarker, withOwnHooks, withoutOwnHooks } from "./hook-entries.js"
import { installLaunchAgent, removeLaunchAgent } from "./launch-agent.js"
import { legacyLaunchAgentPath, removeLegacyLaunchAgent, replacedLegacyHooks } from "./legacy-wiring.js"
import { ownStatusLine, statusLinePlan, withoutOwnStatusLine } from "./status-line-entry.js"
import { removeTokenFile, writeTokenFile } from "./token-file.js"

/** Where the installed CLI lives: hooks and schedulers call it by absolute path. */
export interface Installation {
  readonly nodePath: string
  readonly cliPath: string
}

export interface SetupOptions {
  readonly noCloud: boolean
  /** A token given on stdin (`--token-stdin`). */
  readonly token: string | undefined
  /** Asks for a token (hidden input) when none exists and stdin is a terminal; undefined when skipped. */
  readonly askToken: Effect.Effect<string | undefined>
  /** `--private-titles`: titles taken from a session's first prompt never leave this machine. */
  readonly privateTitles: boolean
  /** `--no-memory`: Claude's memory files stay on this machine (no hook, no sync). */
  readonly noMemory: boolean
  /** `--statusline`: install our status line where the user has none. */
  readonly statusLine: boolean
  /** Asks whether to install it, when not asked for and the user has none; false when not at a terminal. */
  readonly askStatusLine: Effect.Effect<boolean>
}

/** The variables the user set for this tool, carried into hook and cron commands (never the token). */
const carriedEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(
    (["CLAUDE_LOGGER_HOME", "CLAUDE_LOGGER_REMOTE", "CLAUDE_LOGGER_USER"] as const)
      .flatMap((name) => (env[name]?.trim() ? [[name, env[name]!.trim()]] : [])),
  )

/** A file-system step whose failure is one line naming the path, not a defect. */
const fileStep = <A>(path: string, step: () => A) =>
  Effect.try({ try: step, catch: (cause) => new SetupFileFailed({ path, reason: cause instanceof Error ? cause.message : String(cause) }) })

/** Data dirs made by earlier versions were readable by everyone on the machine; true when changed. */
const restrictToOwner = (dir: string): boolean => {
  if ((statSync(dir).mode & 0o077) === 0) return false
  chmodSync(dir, 0o700)
  return true
}

/** Wires the tool into Claude Code and the scheduler, and undoes it. */
export class Setup extends Effect.Service<Setup>()("Setup", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const { env, paths } = yield* AppConfig
    const home = env.HOME ?? homedir()

    const setup = (installation: Installation, options: SetupOptions) =>
      Effect.gen(function* () {
        const changes: Array<string> = []
        const notes: Array<string> = []

        // Read first: a settings.json that is not valid JSON aborts setup before anything changes.
        const settingsFile = settingsPath(env, home)
        const settings = yield* readSettings(settingsFile)

        const hadStore = existsSync(paths.database)
        yield* store.use(() => Effect.void)
        if (!hadStore) changes.push(`created the local store ${paths.database}`)
        if (yield* fileStep(paths.dataDir, () => restrictToOwner(paths.dataDir))) {
          changes.push(`made ${paths.dataDir} readable by you only (mode 700)`)
        }
        if (options.privateTitles && keepPromptTitlesPrivate(paths.dataDir)) {
          changes.push(`session titles taken from a first prompt now stay on this machine ("sync_titles": false in ${configFileIn(paths.dataDir)})`)
        }
        if (options.noMemory && turnMemorySyncOff(paths.dataDir)) {
          changes.push(`Claude's memory files now stay on this machine ("memory": false in ${configFileIn(paths.dataDir)})`)
        }
        const memory = syncsMemory(paths.dataDir)
        const hooks = withOwnHooks(settings.hooks ?? {}, ownHooks(installation.nodePath, installation.cliPath, carriedEnv(env), { memory }))
        const hooksChanged = JSON.stringify({ ...settings, hooks }) !== JSON.stringify(settings)
        // Claude Code runs the status line's own small bundle after every message, not the launcher.
        const statusLine = ownStatusLine(installation.nodePath, join(dirname(installation.cliPath), "statusline.cjs"), carriedEnv(env))
        const plan = statusLinePlan(settings, statusLine)
        const withStatusLine = plan === "update" || (plan === "add" && (options.statusLine || (yield* options.askStatusLine)))
        if (plan === "theirs" && options.statusLine) {
          notes.push(`kept your own status line in ${settingsFile} (Claude Code shows one): ours is \`claude-session-logger statusline\`, reading the same JSON on stdin`)
        }
        const next = { ...settings, hooks, ...(withStatusLine ? { statusLine } : {}) }
        if (hooksChanged || withStatusLine) {
          const backedUp = writeSettings(settingsFile, next)
          const backup = backedUp ? ` (previous version: ${settingsFile}.bak)` : ""
          if (hooksChanged) changes.push(`added the SessionStart and SessionEnd hooks${memory ? " and the PostToolUse memory hook" : ""} to ${settingsFile}${backup}`)
          if (withStatusLine) changes.push(`${plan === "add" ? "added" : "updated"} our status line in ${settingsFile}${hooksChanged ? "" : backup}`)
          const replaced = replacedLegacyHooks(settings.hooks)
          if (replaced.length > 0) changes.push(`removed ${replaced.length} hook(s) of the Python version (0.3.45), which ours replace`)
        }
        if (removeLegacyLaunchAgent(home)) changes.push(`removed the Python version's LaunchAgent ${legacyLaunchAgentPath(home)}`)

        const cli = cliCommand(installation.nodePath, installation.cliPath, carriedEnv(env))
        changes.push(...installClaudeInstructions(dirname(settingsFile), cli))
        const syncCommand = `${cli} sync --quiet`
        if (process.platform === "win32") {
          notes.push("background sync is not supported on Windows: run `claude-session-logger sync` yourself")
        } else if (process.platform === "darwin") {
          if (installLaunchAgent(home, [installation.nodePath, installation.cliPath, "sync", "--quiet"], carriedEnv(env))) {
            changes.push("registered a LaunchAgent that syncs every 15 minutes")
          }
        } else {
          // No cron on this machine is no reason to fail the rest: say so, and doctor will too.
          const installed = yield* installCronLine(crontabProgram(env), syncCommand).pipe(Effect.either)
          if (installed._tag === "Left") notes.push(`background sync not scheduled: ${installed.left.message} (install cron and run setup again)`)
          else if (installed.right) changes.push(`added a crontab line that syncs every 15 minutes (tagged "${ownMarker}")`)
        }

        if (!options.noCloud) {
          const tokenPath = tokenFilePath(env)
          const given = options.token?.trim() || (resolveToken(env) === undefined ? yield* options.askToken : undefined)
          if (given) {
            writeTokenFile(tokenPath, given)
            changes.push(`saved the MotherDuck token to ${tokenPath} (readable by you only)`)
          } else if (resolveToken(env) === undefined) {
            notes.push("no MotherDuck token: local only for now (run `setup --token-stdin` to add one, or set CLAUDE_LOGGER_REMOTE to a shared file)")
          }
        }
        notes.push(`sync remote: ${describeRemote(resolveRemoteTarget(undefined, env, paths.dataDir, process.cwd()))}`)
        return { changes, notes }
      })

    const uninstall = Effect.gen(function* () {
      const changes: Array<string> = []
      // Named before the token and the data dir's config.json go: the user needs it to come back.
      const remote = describeRemote(resolveRemoteTarget(undefined, env, paths.dataDir, process.cwd()))
      const ownHive = ownHiveTarget(env, paths.dataDir, process.cwd())
      const hive = ownHive === undefined ? undefined : hiveUrlOf(ownHive)
      const settingsFile = settingsPath(env, home)
      const settings = yield* readSettings(settingsFile)
      const withoutOurs = withoutOwnStatusLine(settings.hooks === undefined ? settings : { ...settings, hooks: withoutOwnHooks(settings.hooks) })
      if (JSON.stringify(withoutOurs) !== JSON.stringify(settings)) {
        writeSettings(settingsFile, withoutOurs)
        changes.push(`removed our hooks${withoutOurs.statusLine === settings.statusLine ? "" : " and status line"} from ${settingsFile}; every other hook and setting is as it was`)
      }
      changes.push(...removeClaudeInstructions(dirname(settingsFile)))
      changes.push(...removeHiveCopies(dirname(settingsFile)))
      if (process.platform === "darwin") {
        if (removeLaunchAgent(home)) changes.push("removed the LaunchAgent")
      } else if (process.platform !== "win32" && (yield* removeCronLine(crontabProgram(env)))) {
        changes.push("removed the crontab line")
      }
      if (removeTokenFile(tokenFilePath(env))) changes.push(`removed the MotherDuck token file ${tokenFilePath(env)}`)
      // The Python version kept its own tables in the same file: not ours to delete.
      const holdsPythonTables = existsSync(paths.database) &&
        (yield* store.use(({ db }) => ownFileSource(db).pipe(Effect.flatMap((source) => findLegacyTables(db, source.catalog)), Effect.map(holdsLegacyData))))
      if (holdsPythonTables) {
        changes.push(`kept the local data dir ${paths.dataDir}: its database holds the Python version's tables, which this tool did not create`)
      } else if (existsSync(paths.dataDir)) {
        yield* fileStep(paths.dataDir, () => rmSync(paths.dataDir, { recursive: true, force: true }))
        changes.push(`removed the local data dir ${paths.dataDir}`)
      }
      return { changes, remote, hive }
    })

    return { setup, uninstall, dataDir: paths.dataDir, settingsFile: settingsPath(env, home) } as const
  }),
  dependencies: [LocalStore.Default],
}) {}

export const defaultInstallation = (cliDir: string): Installation => ({
  nodePath: process.execPath,
  cliPath: join(cliDir, "cli.cjs"),
})
