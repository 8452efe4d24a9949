import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect"
import { homedir } from "node:os"
import { StoreExtensionsLive } from "../composition/store-extensions-live.js"
import { AppConfig } from "../config/app-config.js"
import { keepNewFilesPrivate } from "../config/private-files.js"
import type { HiveFileRef, HiveSyncResult, PublishableFile } from "../hive/hive-api.js"
import { Hive } from "../hive/hive-service.js"
import { hiveFileLabel, hiveSyncNotices } from "../hive/hive-sync-notices.js"
import type { HiveActions, HiveFile } from "../tui/hive-actions.js"

export type HiveBackend = HiveActions & { readonly dispose: () => Promise<void> }

/** An id the app hands back unchanged; JSON keeps a project key with a "/" in it apart from the name. */
const idOf = (ref: HiveFileRef) => JSON.stringify([ref.projectKey, ref.name])
const refOf = (file: PublishableFile): HiveFileRef => ({ projectKey: file.projectKey, name: file.name })

/** Paths under the home directory as `~/…`: the line fits the screen and says the same. */
const tilde = (path: string) => {
  const home = homedir()
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path
}

const undelivered = (reason: string | null) => (reason === null ? [] : [`not delivered yet: ${reason}; Refresh sends it later`])

/** What a hive sync did, in the words of `claude-hive sync` but a line per file written or removed, or that there was nothing to do. */
export const syncLines = (result: HiveSyncResult): ReadonlyArray<string> => {
  const lines = [
    ...result.written.map((path) => `wrote ${tilde(path)}`),
    ...result.removed.map((path) => `removed ${tilde(path)}`),
    ...(result.entryEventsPulled > 0 ? [`pulled ${result.entryEventsPulled} entry event(s) of hive projects`] : []),
    ...(result.published > 0 ? [`delivered ${result.published} event(s) to your hive`] : []),
    ...hiveSyncNotices(result, tilde),
  ]
  return lines.length > 0 ? lines : ["everything is up to date"]
}

const liveHive: Layer.Layer<Hive> = Hive.Default.pipe(Layer.provide(StoreExtensionsLive), Layer.provide(AppConfig.fromProcess))

/**
 * The hive as the claude-hive app asks it: every call opens what it needs and lets go, so hooks
 * record normally while the app is on screen. A failure rejects with its one-line message.
 */
export const createHiveBackend = (hiveLayer: Layer.Layer<Hive> = liveHive): HiveBackend => {
  keepNewFilesPrivate()
  const runtime = ManagedRuntime.make(hiveLayer)
  const call = async <A, E>(work: (hive: Hive) => Effect.Effect<A, E>): Promise<A> => {
    const exit = await runtime.runPromiseExit(Effect.flatMap(Hive, work))
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.squash(exit.cause)
    throw failure instanceof Error ? failure : new Error(String(failure))
  }
  const sync = () => call((hive) => hive.sync).then(syncLines)
  // The subscription is recorded either way: a fetch that fails after it is a line, not a failure.
  const fetchAfter = () => sync().catch((error: unknown) => [`not fetched yet (${error instanceof Error ? error.message : String(error)}): Refresh tries again`])
  return {
    publishableFiles: () =>
      call((hive) => hive.publishableFiles).then((files) =>
        files.map((file): HiveFile => ({ id: idOf(file), project: file.projectKey, name: file.name, published: file.published, secret: file.secretKind ?? undefined }))
      ),
    publish: async (fileIds, allowedSecrets) => {
      const files = await call((hive) => hive.publishableFiles)
      const chosen = files.filter((file) => fileIds.includes(idOf(file)))
      const dropped = files.filter((file) => file.published && !fileIds.includes(idOf(file)))
      const allow = chosen.filter((file) => allowedSecrets.includes(idOf(file))).map(hiveFileLabel)
      const published = chosen.length === 0 ? undefined : await call((hive) => hive.publish(chosen.map(refOf), { allow }))
      const unpublished = dropped.length === 0 ? undefined : await call((hive) => hive.unpublish(dropped.map(refOf)))
      const lines = [
        ...(published?.published ?? []).map((file) => `published ${hiveFileLabel(file)}`),
        ...(published?.unchanged ?? []).map((file) => `unchanged ${hiveFileLabel(file)}`),
        ...(published?.refused ?? []).map((file) => `refused: ${hiveFileLabel(file)}: ${file.reason}`),
        ...(unpublished?.unpublished ?? []).map((file) => `unpublished ${hiveFileLabel(file)}`),
        ...undelivered(published?.unreachable ?? null),
        ...undelivered(unpublished?.unreachable ?? null),
      ]
      return {
        lines: lines.length > 0 ? lines : ["nothing shared yet: choose files with Space, then apply"],
        url: published?.url ?? unpublished?.url ?? (await call((hive) => hive.url)),
      }
    },
    projectsAt: (url) => call((hive) => hive.projectsAt(url)).then((projects) => projects.map((project) => project.projectKey)),
    subscriptions: () => call((hive) => hive.subscriptions).then((all) => all.map(({ url, projects, files, lastError }) => ({ url, projects, files, lastError }))),
    subscribe: async (url, projects) => {
      await call((hive) => hive.subscribe(url, projects))
      return [`subscribed to ${url}: ${projects === "all" ? "every project, and those added later" : projects.join(", ")}`, ...(await fetchAfter())]
    },
    unsubscribe: async (url) => {
      await call((hive) => hive.unsubscribe({ url }))
      return [`unsubscribed from ${url}`, ...(await fetchAfter())]
    },
    sync,
    dispose: () => runtime.dispose(),
  }
}
