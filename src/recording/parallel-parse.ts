import { existsSync, statSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import { Worker } from "node:worker_threads"
import { noMoreJobs, type ParseJob, type ParseOutcome, runParseJob } from "./parse-job.js"
import type { RecordingRules } from "./session-recording.js"

/** The bundled worker's entry beside the bundled CLI; absent when running from source (tests). */
const workerScript = typeof __dirname === "string" ? join(__dirname, "parse-worker-start.cjs") : ""

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

/** How long a worker told that no job is coming may take to end by itself. */
const stopGrace = 1000

/** Fewer jobs than this are parsed in this thread: starting workers would cost more than it saves. */
const fewJobs = 8

/** Parse workers on every core, started before their jobs are known. */
export interface ParsePool {
  /**
   * Parses the jobs, the largest first so one huge transcript does not finish last on a lone
   * worker, then stops the workers. Without a bundled worker, they are parsed in this thread.
   * An abort (the work that wanted them failed) stops the workers.
   */
  readonly parse: (
    jobs: ReadonlyArray<ParseJob>,
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ) => Promise<ReadonlyArray<ParseOutcome>>
  /** Stops workers that will not be given jobs. */
  readonly stop: () => void
}

const inThisThread = (jobs: ReadonlyArray<ParseJob>, rules: RecordingRules, onProgress: (done: number, total: number) => void) =>
  jobs.map((job, index) => {
    const outcome = runParseJob(job, rules)
    onProgress(index + 1, jobs.length)
    return outcome
  })

/**
 * Parses the jobs on `started` workers, else on workers started for them, or in this thread when
 * they are few: a small backfill does not pay for workers it would stop at once.
 */
export const parseSessions = (
  jobs: ReadonlyArray<ParseJob>,
  rules: RecordingRules,
  { onProgress = () => undefined, signal, started }: {
    readonly onProgress?: ((done: number, total: number) => void) | undefined
    readonly signal?: AbortSignal | undefined
    readonly started?: ParsePool | undefined
  },
): Promise<ReadonlyArray<ParseOutcome>> => {
  if (jobs.length >= fewJobs) return (started ?? startParsePool(rules)).parse(jobs, onProgress, signal)
  started?.stop()
  return Promise.resolve(inThisThread(jobs, rules, onProgress))
}

/**
 * Starts the workers now, so that they load their code (a good part of a second on a busy
 * machine) while this thread is still finding the sessions to give them.
 */
export const startParsePool = (rules: RecordingRules): ParsePool => {
  const count = availableParallelism() < 2 || !existsSync(workerScript) ? 0 : availableParallelism()
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(workerScript, { workerData: { prices: rules.prices, sessionTypes: rules.sessionTypes } })
    // Until a job is given, a failed worker only says so when it is used.
    let failure: Error | undefined
    worker.once("error", (error) => (failure = error))
    // Workers that are never given a job (the work stopped before) do not keep the process alive.
    worker.unref()
    return { worker, failure: () => failure }
  })
  const stop = () => {
    for (const { worker } of workers) void worker.terminate()
  }

  const parse: ParsePool["parse"] = async (jobs, onProgress = () => undefined, signal) => {
    if (workers.length === 0) return inThisThread(jobs, rules, onProgress)
    const sizes = new Map(jobs.map((job) => [job, sizeOf(job)]))
    const queue = [...jobs].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0))
    const outcomes: Array<ParseOutcome> = []
    let done = 0
    const run = ({ worker, failure }: (typeof workers)[number]) =>
      new Promise<void>((finish, fail) => {
        const failed = failure()
        if (failed !== undefined) return fail(failed)
        signal?.addEventListener("abort", () => void worker.terminate().then(() => fail(new Error("stopped"))), { once: true })
        worker.ref()
        let held = 0
        const next = () => {
          const job = queue.shift()
          if (job !== undefined) {
            held++
            worker.postMessage(job)
          } else if (held === 0) {
            // A thread that does not end by itself soon is stopped: the backfill never waits on it.
            const stopping = setTimeout(() => void worker.terminate(), stopGrace)
            worker.once("exit", () => {
              clearTimeout(stopping)
              finish()
            })
            worker.postMessage(noMoreJobs)
          }
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
    await Promise.all(workers.map(run))
    return outcomes
  }
  return { parse, stop }
}
