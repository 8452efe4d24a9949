import { Effect, Fiber, Schema } from "effect"
import { existsSync, statSync } from "node:fs"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { dataDirIsAFile } from "../config/data-paths.js"
import { LocalStore, readerLockWait } from "../local-store/local-store.js"
import type { StoreSession } from "../local-store/store-extension.js"
import { discoverSessions, filesFingerprint, type SessionFiles } from "../transcript/session-files.js"
import { writeFingerprintCache } from "./fingerprint-cache.js"
import { readFingerprints, saveFingerprints } from "./transcript-fingerprints.js"
import { SessionRecorder } from "./session-recorder.js"
import { parseSessions, startParsePool } from "./parallel-parse.js"
import type { ParseOutcome } from "./parse-job.js"

export interface BackfillOptions {
  /** Only sessions whose transcript was written on or after this time. */
  readonly since?: Date | undefined
  /** Only sessions of this project (the basename of their cwd). */
  readonly project?: string | undefined
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

export interface BackfillSummary {
  readonly found: number
  readonly recorded: number
  /** Read again but their recording had not changed. */
  readonly unchanged: number
  /** Not read at all: their files had not changed since the last backfill. */
  readonly skipped: number
  /** Read but not recordable (not a transcript, unreadable): the reasons are in the log. */
  readonly notRecorded: number
  readonly malformedLines: number
  readonly unknownModels: ReadonlyArray<string>
}

const writtenSince = (files: SessionFiles, since: Date) => {
  try {
    return statSync(files.main).mtimeMs >= since.getTime()
  } catch {
    return false
  }
}

/** The parsing workers failed as a whole (not one transcript: those are logged and skipped). */
export class TranscriptsUnread extends Schema.TaggedError<TranscriptsUnread>()("TranscriptsUnread", { reason: Schema.String }) {
  override get message() {
    return `cannot read the transcripts: ${this.reason}`
  }
}

/** Records every session that is new or changed since the last backfill. */
export const backfill = (options: BackfillOptions) =>
  Effect.gen(function* () {
    const config = yield* AppConfig
    const store = yield* LocalStore
    const recorder = yield* SessionRecorder
    const since = options.since
    const rules = recorder.rules()
    // A store not created yet knows no fingerprint, and nobody can be waiting to read it: every
    // session found will be parsed, so the workers start now and load while the sessions are found.
    const fresh = !existsSync(config.paths.database) && !dataDirIsAFile(config.paths.dataDir)
    const earlyPool = fresh ? startParsePool(rules) : undefined
    const found = discoverSessions(config.claudeDataDirs).filter((files) => since === undefined || writtenSince(files, since))
    const changedSince = (known: ReadonlyMap<string, string>) =>
      found.map((files) => ({ files, fingerprint: filesFingerprint(files) })).filter(({ files, fingerprint }) => known.get(files.sessionId) !== fingerprint)
    const changed = fresh
      ? changedSince(new Map())
      : yield* store.use(({ db }) =>
        readFingerprints(db).pipe(Effect.flatMap((known) => Effect.sync(() => {
          const changed = changedSince(known)
          // Nothing to read: the table stays as it is, and its copy can answer the next backfill.
          if (changed.length === 0) writeFingerprintCache(db.path, known)
          return changed
        })))
      )

    const parsing = Effect.tryPromise({
      try: (signal) =>
        parseSessions(changed.map(({ files }) => ({ files, fallbackCwd: "" })), rules, { onProgress: options.onProgress, signal, started: earlyPool }),
      catch: (cause) => new TranscriptsUnread({ reason: cause instanceof Error ? cause.message : String(cause) }),
    })
    /** The recordings the user asked for, and what could not be read (said in the log, and not fingerprinted: the next backfill reads it again). */
    const sortOut = (outcomes: ReadonlyArray<ParseOutcome>) => {
      const recordings = outcomes.flatMap((outcome) => (outcome._tag === "Readable" ? [outcome.recording] : []))
      const notRecorded = outcomes.flatMap((outcome) => (outcome._tag === "NotRecordable" ? [outcome] : []))
      for (const { reason, sessionId } of notRecorded) appendActivityLog(config.paths.log, `backfill: nothing recorded for ${sessionId}: ${reason}`)
      const wanted = options.project === undefined ? recordings : recordings.filter((recording) => recording.event.project === options.project)
      return { wanted, notRecorded: notRecorded.length }
    }
    type Sorted = ReturnType<typeof sortOut>
    const record = (session: StoreSession, sorted: Sorted) => {
      // Only what was considered for recording: sessions filtered out by --project stay unread.
      const read = new Set(sorted.wanted.map((recording) => recording.event.sessionId as string))
      const fingerprintsRead = changed.filter(({ files }) => read.has(files.sessionId)).map(({ files, fingerprint }) => ({
        session_id: files.sessionId,
        fingerprint,
      }))
      return recorder.recordIn(session, sorted.wanted).pipe(
        Effect.tap(() => saveFingerprints(session.db, fingerprintsRead)),
        Effect.tap(() => readFingerprints(session.db).pipe(Effect.tap((saved) => Effect.sync(() => writeFingerprintCache(session.db.path, saved))))),
        Effect.map((counts) => ({ ...counts, sorted })),
      )
    }
    const { recorded, unchanged, sorted: { notRecorded, wanted } } = fresh
      // The store is created (its schema, every extension's tables) while the workers parse; they
      // are given their jobs first.
      ? yield* Effect.flatMap(Effect.fork(parsing).pipe(Effect.tap(() => Effect.yieldNow())), (parsed) =>
        store.use((session) => Fiber.join(parsed).pipe(Effect.map(sortOut), Effect.flatMap((sorted) => record(session, sorted))), readerLockWait))
      : yield* parsing.pipe(
        Effect.map(sortOut),
        // Nothing read (an unchanged history): the store is not opened again.
        Effect.flatMap((sorted) =>
          sorted.wanted.length === 0 ? Effect.succeed({ recorded: 0, unchanged: 0, sorted }) : store.use((session) => record(session, sorted), readerLockWait)
        ),
      )
    return {
      found: found.length,
      recorded,
      unchanged,
      skipped: found.length - changed.length,
      notRecorded,
      malformedLines: wanted.reduce((total, recording) => total + recording.malformedLines, 0),
      unknownModels: [...new Set(wanted.flatMap((recording) => recording.unknownModels))].sort(),
    } satisfies BackfillSummary
  })
