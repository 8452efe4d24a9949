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
  // What the user applied just before leaving still completes: the process exits only after it.
  const running = new Set<Promise<unknown>>()
  const tracked = <A>(work: (ready: HiveBackend) => Promise<A>): Promise<A> => {
    const promise = backend.then(work)
    running.add(promise)
    const forget = () => void running.delete(promise)
    promise.then(forget, forget)
    return promise
  }
  const actions: HiveActions = {
    publishableFiles: () => tracked((ready) => ready.publishableFiles()),
    publish: (fileIds, allowedSecrets) => tracked((ready) => ready.publish(fileIds, allowedSecrets)),
    projectsAt: (url) => tracked((ready) => ready.projectsAt(url)),
    subscriptions: () => tracked((ready) => ready.subscriptions()),
    subscribe: (url, projects) => tracked((ready) => ready.subscribe(url, projects)),
    unsubscribe: (url) => tracked((ready) => ready.unsubscribe(url)),
    sync: () => tracked((ready) => ready.sync()),
  }
  await ui.runHiveApp(actions)
  if (running.size > 0) process.stderr.write("claude-hive: finishing what was started…\n")
  await Promise.allSettled([...running])
  await backend.then((ready) => ready.dispose(), () => undefined)
  return 0
}
