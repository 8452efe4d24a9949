import { Effect, Schema } from "effect"
import { statSync } from "node:fs"
import { version } from "../config/version.js"
import { AppConfig } from "../config/app-config.js"
import { newestEventId, storedEventCount } from "../events/event-store.js"
import { indexableSessions } from "../sessions/session-queries.js"
import { LocalStore } from "../local-store/local-store.js"
import { processLock } from "../store/process-lock.js"
import { type IndexedSession, type IndexedTranscript, loadSearchIndex, searchIndexPath, writeSearchIndex } from "./search-index-file.js"
import { metadataOf } from "./index-query.js"
import { searchTextOf } from "./search-text.js"

export class SearchIndexFailed extends Schema.TaggedError<SearchIndexFailed>()("SearchIndexFailed", { reason: Schema.String }) {
  override get message() {
    return `cannot update the search index: ${this.reason}`
  }
}

export class SearchIndexBusy extends Schema.TaggedError<SearchIndexBusy>()("SearchIndexBusy", {}) {
  override get message() {
    return "another process has been updating the search index for over a minute; try again shortly"
  }
}

export interface RefreshSummary {
  readonly sessions: number
  /** Transcripts whose text was read (new or changed since the last refresh). */
  readonly read: number
  readonly upToDate: boolean
}

const fingerprint = (path: string | null): IndexedTranscript | null => {
  if (path === null) return null
  try {
    const stat = statSync(path)
    return { path, size: stat.size, mtimeMs: stat.mtimeMs }
  } catch {
    return null // not on this machine: recorded elsewhere, or deleted by Claude Code
  }
}

const sameFile = (a: IndexedTranscript | null, b: IndexedTranscript | null) =>
  a !== null && b !== null && a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs

/** One refresh at a time per data dir; a second waits for the first, then finds little left to do. */
const refreshLock = (lockPath: string) =>
  processLock(lockPath, { waitMs: 60_000 }).pipe(Effect.catchTag("ProcessLockBusy", () => Effect.fail(new SearchIndexBusy())))

/**
 * Brings the search index up to date with the store and the transcripts on disk: reads the text
 * of new and changed transcripts only and copies the rest from the previous index. The store is
 * open only to read the sessions; the slow part runs with it closed, so hooks never wait.
 */
export const refreshSearchIndex = Effect.scoped(Effect.gen(function* () {
  const { paths } = yield* AppConfig
  const store = yield* LocalStore
  const indexPath = searchIndexPath(paths.dataDir)
  yield* refreshLock(`${indexPath}.lock`)
  return yield* Effect.gen(function* () {
    const { rows, newest, eventCount } = yield* store.use(({ db }) =>
      Effect.all({ rows: indexableSessions(db), newest: newestEventId(db), eventCount: storedEventCount(db) })
    )
    const previous = yield* Effect.promise(() => loadSearchIndex(indexPath))
    const reusable = previous?.index.builtBy === version ? previous : undefined
    const previousByPath = new Map(
      (reusable?.index.sessions ?? []).flatMap((session) => (session.transcript === null ? [] : [[session.transcript.path, session] as const])),
    )
    const plan = rows.map(({ transcript_path, ...view }) => {
      const transcript = fingerprint(transcript_path)
      const before = transcript === null ? undefined : previousByPath.get(transcript.path)
      return { view, transcript, reuse: before !== undefined && sameFile(before.transcript, transcript) ? before.text : undefined }
    })
    const toRead = plan.filter((entry) => entry.transcript !== null && entry.reuse === undefined).length
    const upToDate = reusable !== undefined && toRead === 0 && reusable.index.newestEventId === newest && reusable.index.eventCount === eventCount &&
      reusable.index.sessions.length === plan.length
    if (upToDate) return { sessions: plan.length, read: 0, upToDate } satisfies RefreshSummary

    return yield* Effect.try({
      try: () => {
        writeSearchIndex(indexPath, (append) => {
          const sessions: Array<IndexedSession> = []
          let position = 0
          for (const { view, transcript, reuse } of plan) {
            const text = transcript === null
              ? Buffer.alloc(0)
              : reuse !== undefined && reusable !== undefined
              ? reusable.bytes.subarray(reuse[0], reuse[1])
              : searchTextOf(transcript.path) ?? Buffer.alloc(0)
            const viewEnd = append(Buffer.from(JSON.stringify(view), "utf8"))
            const textEnd = append(text)
            sessions.push({ view: [position, viewEnd], metadata: metadataOf(view), transcript, text: [viewEnd, textEnd] })
            position = textEnd
          }
          return { builtBy: version, newestEventId: newest, eventCount, sessions }
        })
        return { sessions: plan.length, read: toRead, upToDate } satisfies RefreshSummary
      },
      catch: (cause) => new SearchIndexFailed({ reason: cause instanceof Error ? cause.message : String(cause) }),
    })
  })
}))
