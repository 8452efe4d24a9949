import { Effect, Layer } from "effect"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { hiveStoreExtension } from "../hive/hive-local-tables.js"
import { legacyStoreExtension } from "../legacy/legacy-import.js"
import { StoreExtensions } from "../local-store/store-extension.js"
import { recordingStoreExtension } from "../recording/recording-store-extension.js"
import { syncStoreExtension } from "../sync/sync-bookkeeping.js"

/**
 * Every module that owns tables in the store, or work in its write path, handed to the write path
 * by every entry point (the CLI bundles, the browser): a store opened without sync's share would
 * make events that are never pushed.
 */
export const StoreExtensionsLive = Layer.effect(
  StoreExtensions,
  Effect.map(AppConfig, ({ actor, paths }) => [
    recordingStoreExtension,
    syncStoreExtension,
    hiveStoreExtension,
    legacyStoreExtension(actor, (line) => appendActivityLog(paths.log, line)),
  ]),
)
