import { createHash } from "node:crypto"
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync } from "node:fs"
import { basename, join } from "node:path"
import { syncDirectory, writeFileDurably } from "../store/durable-file.js"

/**
 * A session Claude Code reported at SessionEnd, waiting to be parsed and recorded. The hook
 * writes it durably and returns; a detached process does the slow part. If the machine dies in
 * between, the next drain (the next hook, or `process-recordings`) finds it still here.
 */
export interface PendingRecording {
  readonly sessionId: string
  readonly transcriptPath: string
  readonly cwd: string
  readonly reason: string
  readonly receivedAt: string
  /** Drains that started on this report; one that died or ran out of time left it counted. */
  readonly attempts: number
}

/** After this many drains that did not finish a report, it is moved aside so the queue moves on. */
export const maxAttempts = 3

export const pendingDir = (dataDir: string) => join(dataDir, "pending")
/** Reports moved aside: move one back into pending/ to try it again. */
export const failedDir = (dataDir: string) => join(pendingDir(dataDir), "failed")

const isString = (value: unknown): value is string => typeof value === "string" && value.trim() !== ""

/** Reads Claude Code's hook JSON; the reason it is unusable otherwise. */
export const pendingFromHookInput = (stdin: string, now: Date): PendingRecording | string => {
  if (stdin.trim() === "") return "empty hook input on stdin"
  let input: unknown
  try {
    input = JSON.parse(stdin)
  } catch {
    return "hook input is not valid JSON"
  }
  if (typeof input !== "object" || input === null) return "hook input is not a JSON object"
  const { cwd, reason, session_id: sessionId, transcript_path: transcriptPath } = input as Record<string, unknown>
  if (!isString(sessionId)) return "hook input has no session_id"
  if (!isString(transcriptPath)) return "hook input has no transcript_path"
  return {
    sessionId,
    transcriptPath,
    cwd: isString(cwd) ? cwd : "",
    reason: isString(reason) ? reason : "",
    receivedAt: now.toISOString(),
    attempts: 0,
  }
}

export const enqueueRecording = (dataDir: string, pending: PendingRecording): void => {
  const dir = pendingDir(dataDir)
  mkdirSync(dir, { recursive: true })
  // A new file per report: a drain that removes the report it handled never removes a newer one.
  // Named by a hash of the session id, so any id (however long or odd) makes a valid file name.
  const idHash = createHash("sha256").update(pending.sessionId).digest("hex").slice(0, 16)
  writeFileDurably(join(dir, `${Date.now()}-${process.pid}-${idHash}.json`), JSON.stringify(pending))
  syncDirectory(dir)
}

export interface QueuedRecording {
  readonly file: string
  readonly pending: PendingRecording
}

const asPending = (value: unknown): PendingRecording | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  const { attempts, cwd, reason, receivedAt, sessionId, transcriptPath } = value as Record<string, unknown>
  return isString(sessionId) && isString(transcriptPath)
    ? {
      sessionId,
      transcriptPath,
      cwd: typeof cwd === "string" ? cwd : "",
      reason: typeof reason === "string" ? reason : "",
      receivedAt: typeof receivedAt === "string" ? receivedAt : "",
      attempts: typeof attempts === "number" && Number.isInteger(attempts) && attempts > 0 ? attempts : 0,
    }
    : undefined
}

/** Queued reports, oldest first; a file that is not one is returned as `unreadable`. */
export const queuedRecordings = (dataDir: string): {
  readonly queued: ReadonlyArray<QueuedRecording>
  readonly unreadable: ReadonlyArray<string>
} => {
  const dir = pendingDir(dataDir)
  let names: ReadonlyArray<string>
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort()
  } catch {
    return { queued: [], unreadable: [] }
  }
  const queued: Array<QueuedRecording> = []
  const unreadable: Array<string> = []
  for (const name of names) {
    const file = join(dir, name)
    try {
      const pending = asPending(JSON.parse(readFileSync(file, "utf8")))
      if (pending === undefined) unreadable.push(file)
      else queued.push({ file, pending })
    } catch {
      // Removed by a concurrent drain, or not JSON: only the latter is unreadable.
      try {
        readFileSync(file)
        unreadable.push(file)
      } catch {
        continue
      }
    }
  }
  return { queued, unreadable }
}

/** Rewrites a queued report in place (same name, so its place in the queue is kept). */
export const rewriteQueued = ({ file, pending }: QueuedRecording): void => {
  writeFileDurably(file, JSON.stringify(pending))
}

/** Moves a report out of the queue into pending/failed/; returns where it went. */
export const moveAside = (dataDir: string, file: string): string => {
  const dir = failedDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const target = join(dir, basename(file))
  renameSync(file, target)
  return target
}

export const removeQueued = (file: string): void => {
  try {
    unlinkSync(file)
  } catch {
    // Done by another drain already.
  }
}
