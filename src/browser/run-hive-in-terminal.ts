import type { HiveActions } from "../tui/hive-actions.js"
import type { HiveBackend } from "./hive-backend.js"
import { importUiModule, loadedAfterFirstFrame } from "./run-in-terminal.js"

type HiveTuiModule = typeof import("../tui/run-hive.js")

/**
 * The claude-hive app, from first frame to the user leaving; returns the exit code. The menu is
 * drawn before `loadBackend` (Effect and DuckDB) is loaded; a backend that fails to load fails
 * each request as one line in the app.
 */
export const runHiveInTerminal = async (distDir: string, loadBackend: () => HiveBackend): Promise<number> => {
  const ui = await importUiModule<HiveTuiModule>(distDir, "hive-tui.mjs")
  const backend = loadedAfterFirstFrame(loadBackend)
  const actions: HiveActions = {
    publishableFiles: () => backend.then((ready) => ready.publishableFiles()),
    publish: (fileIds, allowedSecrets) => backend.then((ready) => ready.publish(fileIds, allowedSecrets)),
    projectsAt: (url) => backend.then((ready) => ready.projectsAt(url)),
    subscriptions: () => backend.then((ready) => ready.subscriptions()),
    subscribe: (url, projects) => backend.then((ready) => ready.subscribe(url, projects)),
    unsubscribe: (url) => backend.then((ready) => ready.unsubscribe(url)),
    sync: () => backend.then((ready) => ready.sync()),
  }
  await ui.runHiveApp(actions)
  await backend.then((ready) => ready.dispose(), () => undefined)
  return 0
}
