import { Effect } from "effect"
import { statSync } from "node:fs"
import { join } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { sessionFilesOf } from "../transcript/session-files.js"
import { processLock } from "../store/process-lock.js"
import { armDeadline } from "./drain-deadline.js"
import {
  maxAttempts,
  moveAside,
  pendingDir,
  type PendingRecording,
  type QueuedRecording,
  queuedRecordings,
  removeQueued,
  rewriteQueued,
} from "./pending-recordings.js"
import { SessionRecorder } from "./session-recorder.js"
import { runParseJob } from "./parse-job.js"
import type { SessionRecording } from "./session-recording.js"

/**
 * How long one drain may run. Reading even a very large transcript takes seconds; a drain still
 * at work after this is stuck, and is ended so the reports behind it are not held up.
 */
export const drainDeadlineMs = 10 * 60_000
/** A drain lock older than the deadline (and a margin) belongs to a stuck or dead drain: taken over. */
const staleLockMs = drainDeadlineMs + 60_000

/** The file's size, or -1 when it is not there (or cannot be looked at). */
const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return -1
  }
}

/** Claude Code writes the transcript asynchronously: wait (bounded) for it to appear and settle. */
const settledSize = (path: string) =>
  Effect.gen(function* () {
    let last = -1
    for (let waited = 0; waited <= 3_000; waited += 150) {
      const size = sizeOf(path)
      if (size >= 0 && size === last) return true
      last = size
      yield* Effect.sleep("150 millis")
    }
    return last >= 0
  })

export interface DrainSummary {
  readonly recorded: number
  readonly unchanged: number
  readonly failed: number
  readonly busy: boolean
}

/** Parses and records every queued SessionEnd report; one drain at a time per data dir. */
export const drainPendingRecordings = Effect.scoped(Effect.gen(function* () {
  const { paths } = yield* AppConfig
  const recorder = yield* SessionRecorder
  const log = (line: string) => appendActivityLog(paths.log, `record: ${line}`)
  // Held until the drain ends, however it ends.
  const held = yield* processLock(join(pendingDir(paths.dataDir), ".drain.lock"), { staleAfterMs: staleLockMs }).pipe(
    Effect.as(true),
    Effect.catchTag("ProcessLockBusy", () => Effect.succeed(false)),
  )
  if (!held) return { recorded: 0, unchanged: 0, failed: 0, busy: true } satisfies DrainSummary
  const disarm = armDeadline({
    pid: process.pid,
    deadlineMs: drainDeadlineMs,
    logPath: paths.log,
    lastWords: `record: the drain ran past its ${drainDeadlineMs / 60_000}-minute deadline and was stopped; the report it was on is retried ${maxAttempts} times in all, then moved to ${pendingDir(paths.dataDir)}/failed`,
  })

  const summary = { recorded: 0, unchanged: 0, failed: 0, busy: false }
  const moveAsideLogged = (file: string, why: string) => {
    try {
      log(`${why}; moved to ${moveAside(paths.dataDir, file)} (move it back into pending/ to retry)`)
    } catch (error) {
      log(`${why}; could not move ${file} aside: ${error instanceof Error ? error.message : String(error)}`)
      removeQueued(file)
    }
  }
  const prepare = (pending: PendingRecording) =>
    Effect.gen(function* () {
      if (!(yield* settledSize(pending.transcriptPath))) {
        log(`nothing recorded for ${pending.sessionId}: transcript ${pending.transcriptPath} is missing`)
        return undefined
      }
      const outcome = runParseJob({ files: sessionFilesOf(pending.transcriptPath), fallbackCwd: pending.cwd }, recorder.rules())
      if (outcome._tag === "Readable") return outcome.recording
      log(`nothing recorded for ${pending.sessionId}: ${outcome.reason}`)
      return undefined
    })
  /** Counted before the work, so a drain that dies or hangs on a report still counts against it. */
  const startAttempt = (item: QueuedRecording): QueuedRecording => {
    const counted = { file: item.file, pending: { ...item.pending, attempts: item.pending.attempts + 1 } }
    rewriteQueued(counted)
    return counted
  }

  yield* Effect.gen(function* () {
    // Reports that arrive while this drain works are picked up by its next round.
    for (;;) {
      const { queued, unreadable } = queuedRecordings(paths.dataDir)
      for (const file of unreadable) moveAsideLogged(file, `${file} is not a queued session report`)
      if (queued.length === 0) return
      const recordings: Array<SessionRecording> = []
      const started: Array<QueuedRecording> = []
      for (const item of queued) {
        if (item.pending.attempts >= maxAttempts) {
          summary.failed++
          moveAsideLogged(
            item.file,
            `gave up on ${item.pending.sessionId} (${item.pending.transcriptPath}) after ${item.pending.attempts} attempts: each drain died or ran out of time on it`,
          )
          continue
        }
        started.push(startAttempt(item))
        const recording = yield* prepare(item.pending)
        if (recording === undefined) summary.failed++
        else recordings.push(recording)
      }
      const result = yield* recorder.record(recordings).pipe(
        // A busy database is not the reports' fault: they stay queued with their count as it was.
        Effect.tapErrorTag("DatabaseLocked", () => Effect.sync(() => started.forEach((item) => rewriteQueued(uncounted(item))))),
      )
      summary.recorded += result.recorded
      summary.unchanged += result.unchanged
      for (const recording of recordings) {
        if (recording.unknownModels.length > 0) log(`unknown model(s) priced at $0: ${recording.unknownModels.join(", ")} (add them to prices.json)`)
        if (recording.malformedLines > 0) log(`${recording.event.sessionId}: skipped ${recording.malformedLines} malformed line(s)`)
      }
      for (const { file } of started) removeQueued(file)
    }
  }).pipe(Effect.ensuring(Effect.sync(disarm)))
  return summary satisfies DrainSummary
}))

const uncounted = (item: QueuedRecording): QueuedRecording => ({
  file: item.file,
  pending: { ...item.pending, attempts: Math.max(0, item.pending.attempts - 1) },
})
