import type { HiveFileRef, HiveSyncResult } from "./hive-api.js"

/** How a hive file is named in messages: `<project key>/<name>`. */
export const hiveFileLabel = (file: HiveFileRef) => `${file.projectKey}/${file.name}`

/**
 * What a hive sync has to tell beyond its counts — a local edit overwritten, a file not
 * republished, a hive not reached — in the same words for `claude-hive sync` and the app.
 */
export const hiveSyncNotices = (result: HiveSyncResult, path: (path: string) => string = (same) => same): ReadonlyArray<string> => [
  ...result.overwritten.map((file) => `overwrote your edit of ${path(file)}: hive files are read-only copies`),
  ...result.refused.map((file) => `not republished: ${hiveFileLabel(file)}: ${file.reason}`),
  ...result.unreachable.map((hive) => `unreachable: ${hive.url}: ${hive.reason}`),
]
