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
}>() {
  static readonly fromProcess = Layer.sync(AppConfig, () => ({
    paths: dataPathsIn(resolveDataDir(process.env)),
    actor: resolveActor(process.env),
    claudeDataDirs: claudeDataDirs(process.env),
    cwd: process.cwd(),
  }))

  /** For tests: a data dir of their own and a fixed identity. */
  static readonly forTest = (dataDir: string, actor = "tester", cwd = dataDir) =>
    Layer.succeed(AppConfig, { paths: dataPathsIn(dataDir), actor, claudeDataDirs: [], cwd })
}

/** One line in the activity log: where background work reports, since no one watches its terminal. */
export const logToActivity = (line: string) => AppConfig.pipe(Effect.flatMap(({ paths }) => Effect.sync(() => appendActivityLog(paths.log, line))))
