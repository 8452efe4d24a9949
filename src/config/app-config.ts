import { Context, Effect, Layer } from "effect"
import { appendActivityLog } from "./activity-log.js"
import { claudeDataDirs, type DataPaths, dataPathsIn, resolveDataDir } from "./data-paths.js"
import { resolveActor } from "./identity.js"

/** What a process knows about where it runs and who runs it; read once at start. */
export class AppConfig extends Context.Tag("AppConfig")<AppConfig, {
  readonly paths: DataPaths
  readonly actor: string
  readonly claudeDataDirs: ReadonlyArray<string>
  readonly cwd: string
  /** The environment as the process started; services read it here, never from process.env. */
  readonly env: Readonly<NodeJS.ProcessEnv>
}>() {
  static readonly fromProcess = Layer.sync(AppConfig, () => {
    const env = Object.freeze({ ...process.env })
    return {
      paths: dataPathsIn(resolveDataDir(env)),
      actor: resolveActor(env),
      claudeDataDirs: claudeDataDirs(env),
      cwd: process.cwd(),
      env,
    }
  })

  /** For tests: a data dir of their own, a fixed identity and no environment but `env`. */
  static readonly forTest = (dataDir: string, actor = "tester", cwd = dataDir, env: NodeJS.ProcessEnv = {}) =>
    Layer.succeed(AppConfig, { paths: dataPathsIn(dataDir), actor, claudeDataDirs: [], cwd, env })
}

/** One line in the activity log: where background work reports, since no one watches its terminal. */
export const logToActivity = (line: string) => AppConfig.pipe(Effect.flatMap(({ paths }) => Effect.sync(() => appendActivityLog(paths.log, line))))

/** One line in sync.log: where background syncs report. */
export const logToSyncLog = (line: string) => AppConfig.pipe(Effect.flatMap(({ paths }) => Effect.sync(() => appendActivityLog(paths.syncLog, line))))
