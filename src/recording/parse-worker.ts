/**
 * Worker thread entry (bundled as dist/parse-worker.cjs): parses the sessions the pool hands
 * it, one at a time, and posts back their outcomes.
 */
import { parentPort, workerData } from "node:worker_threads"
import type { PriceTable } from "../transcript/pricing.js"
import type { SessionTypeRule } from "../transcript/session-type.js"
import { noMoreJobs, type ParseJob, runParseJob } from "./parse-job.js"

const { prices, sessionTypes } = workerData as {
  readonly prices: PriceTable
  readonly sessionTypes: ReadonlyArray<SessionTypeRule>
}

parentPort?.on("message", (job: ParseJob | typeof noMoreJobs) => {
  if (job === noMoreJobs) parentPort?.close()
  else parentPort?.postMessage(runParseJob(job, { prices, sessionTypes }))
})
