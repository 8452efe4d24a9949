import { Either, Schema } from "effect"
import { SessionRecorded } from "../events/domain-event.js"
import { parseSession } from "../transcript/parse-session.js"
import type { SessionFiles } from "../transcript/session-files.js"
import { type RecordingRules, sessionRecording, type SessionRecording } from "./session-recording.js"

/** One session to read, as handed to a parse worker. */
export interface ParseJob {
  readonly files: SessionFiles
  readonly fallbackCwd: string
}

/**
 * Tells a worker that no job is coming: its thread ends by itself, so that its exit work (saving
 * its code cache) runs, which a terminated thread's does not.
 */
export const noMoreJobs = null

/** A session ready to record, or why its files give none (said in the log). */
export type ParseOutcome =
  | { readonly _tag: "Readable"; readonly recording: SessionRecording }
  | { readonly _tag: "NotRecordable"; readonly sessionId: string; readonly reason: string }

const validRecording = Schema.validateEither(SessionRecorded)

/**
 * Reads a session and builds its recording. A file that cannot be read, holds no conversation
 * (not a Claude Code transcript) or yields a recording the event schema rejects records nothing,
 * so one odd session never stops the batch it is recorded with.
 */
export const runParseJob = (job: ParseJob, rules: RecordingRules): ParseOutcome => {
  const notRecordable = (reason: string): ParseOutcome => ({ _tag: "NotRecordable", sessionId: job.files.sessionId, reason })
  let recording: SessionRecording
  try {
    const parsed = parseSession(job.files)
    // A session opened and closed without a prompt still has timed Claude Code lines (a stub, kept
    // and listed last); a file with neither those nor a conversation is not a transcript at all.
    if (parsed.messageCount === 0 && parsed.responses.length === 0 && parsed.startedAt === null) {
      return notRecordable(`${job.files.main} holds no conversation line (not a Claude Code transcript?)`)
    }
    recording = sessionRecording(parsed, job.files.main, job.fallbackCwd, rules)
  } catch (error) {
    return notRecordable(`cannot read: ${error instanceof Error ? error.message : String(error)}`)
  }
  const checked = validRecording(recording.event)
  return Either.isRight(checked)
    ? { _tag: "Readable", recording }
    : notRecordable(`its recording is invalid (${checked.left.message.split("\n").slice(-1)[0]?.trim() ?? ""})`)
}
