import { Effect } from "effect"
import { existsSync, statSync } from "node:fs"
import { join } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { AppConfig } from "../config/app-config.js"
import { sessionFilesOf } from "../transcript/session-files.js"
import { tryLock } from "../store/process-lock.js"
import { pendingDir, type PendingRecording, queuedRecordings, removeQueued } from "./pending-recordings.js"
import { SessionRecorder } from "./session-recorder.js"
import { runParseJob } from "./parse-job.js"
import type { SessionRecording } from "./session-recording.js"

/** Claude Code writes the transcript asynchronously: wait (bounded) for it to appear and settle. */
const settledSize = (path: string) =>
  Effect.gen(function* () {
    let last = -1
    for (let waited = 0; waited <= 3_000; waited += 150) {
      const size = existsSync(path) ? statSync(path).size : -1
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
export const drainPendingRecordings = Effect.gen(function* () {
  const { paths } = yield* AppConfig
  const recorder = yield* SessionRecorder
  const log = (line: string) => appendActivityLog(paths.log, `record: ${line}`)
  const release = tryLock(join(pendingDir(paths.dataDir), ".drain.lock"))
  if (release === undefined) return { recorded: 0, unchanged: 0, failed: 0, busy: true } satisfies DrainSummary

  const summary = { recorded: 0, unchanged: 0, failed: 0, busy: false }
  const prepare = (pending: PendingRecording) =>
    Effect.gen(function* () {
      if (!(yield* settledSize(pending.transcriptPath))) {
        log(`nothing recorded for ${pending.sessionId}: transcript ${pending.transcriptPath} is missing`)
        return undefined
      }
      const recording = runParseJob({ files: sessionFilesOf(pending.transcriptPath), fallbackCwd: pending.cwd }, recorder.rules())
      if (recording === undefined) log(`nothing recorded for ${pending.sessionId}: cannot read ${pending.transcriptPath}`)
      return recording
    })

  yield* Effect.gen(function* () {
    // Reports that arrive while this drain works are picked up by its next round.
    for (;;) {
      const { queued, unreadable } = queuedRecordings(paths.dataDir)
      for (const file of unreadable) {
        log(`${file} is not a queued session report; removed`)
        removeQueued(file)
      }
      if (queued.length === 0) return
      const recordings: Array<SessionRecording> = []
      for (const { pending } of queued) {
        const recording = yield* prepare(pending)
        if (recording === undefined) summary.failed++
        else recordings.push(recording)
      }
      const result = yield* recorder.record(recordings)
      summary.recorded += result.recorded
      summary.unchanged += result.unchanged
      for (const recording of recordings) {
        if (recording.unknownModels.length > 0) log(`unknown model(s) priced at $0: ${recording.unknownModels.join(", ")} (add them to prices.json)`)
        if (recording.malformedLines > 0) log(`${recording.event.sessionId}: skipped ${recording.malformedLines} malformed line(s)`)
      }
      for (const { file } of queued) removeQueued(file)
    }
  }).pipe(Effect.ensuring(Effect.sync(release)))
  return summary satisfies DrainSummary
})
