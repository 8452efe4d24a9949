import { parseSession } from "../transcript/parse-session.js"
import type { SessionFiles } from "../transcript/session-files.js"
import { type RecordingRules, sessionRecording, type SessionRecording } from "./session-recording.js"

/** One session to read, as handed to a parse worker. */
export interface ParseJob {
  readonly files: SessionFiles
  readonly fallbackCwd: string
}

/** Reads a session and builds its recording; undefined when its files cannot be read. */
export const runParseJob = (job: ParseJob, rules: RecordingRules): SessionRecording | undefined => {
  try {
    return sessionRecording(parseSession(job.files), job.files.main, job.fallbackCwd, rules)
  } catch {
    return undefined // vanished or unreadable since discovery: found again next time
  }
}
