import { existsSync, statSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import { Worker } from "node:worker_threads"
import { type ParseJob, type ParseOutcome, runParseJob } from "./parse-job.js"
import type { RecordingRules } from "./session-recording.js"

/** The bundled worker beside the bundled CLI; absent when running from source (tests). */
const workerScript = typeof __dirname === "string" ? join(__dirname, "parse-worker.cjs") : ""

const sizeOf = (job: ParseJob) => {
  try {
    return statSync(job.files.main).size
  } catch {
    return 0
  }
}

/**
 * Jobs each worker holds at once: the next one waits in its queue while it parses, so it never
 * idles for the round trip to this thread (a thousand small sessions, on busy cores).
 */
const jobsInFlight = 2

/**
 * Parses sessions on every core. The largest go first so one huge transcript does not finish
 * last on a lone worker. Small batches, or no bundled worker, are parsed in this thread. An
 * abort (the work that wanted them failed) stops the workers.
 */
export const parseInParallel = async (
  jobs: ReadonlyArray<ParseJob>,
  rules: RecordingRules,
  onProgress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ReadonlyArray<ParseOutcome>> => {
  const workers = Math.min(availableParallelism(), jobs.length)
  if (workers < 2 || jobs.length < 8 || !existsSync(workerScript)) {
    return jobs.map((job, index) => {
      const outcome = runParseJob(job, rules)
      onProgress(index + 1, jobs.length)
      return outcome
    })
  }
  const queue = [...jobs].sort((a, b) => sizeOf(b) - sizeOf(a))
  const outcomes: Array<ParseOutcome> = []
  let done = 0
  const runWorker = () =>
    new Promise<void>((finish, fail) => {
      const worker = new Worker(workerScript, { workerData: { prices: rules.prices, sessionTypes: rules.sessionTypes } })
      signal?.addEventListener("abort", () => void worker.terminate().then(() => fail(new Error("stopped"))), { once: true })
      let held = 0
      const next = () => {
        const job = queue.shift()
        if (job !== undefined) {
          held++
          worker.postMessage(job)
        } else if (held === 0) void worker.terminate().then(() => finish())
      }
      worker.on("message", (outcome: ParseOutcome) => {
        held--
        outcomes.push(outcome)
        onProgress(++done, jobs.length)
        next()
      })
      worker.on("error", fail)
      for (let job = 0; job < jobsInFlight; job++) next()
    })
  await Promise.all(Array.from({ length: workers }, runWorker))
  return outcomes
}
