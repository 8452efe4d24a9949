import { Worker } from "node:worker_threads"

/**
 * Ends the process `pid` with SIGKILL once `deadlineMs` has passed, after writing `lastWords` to
 * `logPath`. It runs on its own thread, because what it guards against is the main thread stuck
 * in a system call (a read that never returns), where no timer, signal handler or fiber
 * interruption can run. Returns a function that disarms it.
 */
export const armDeadline = (options: {
  readonly pid: number
  readonly deadlineMs: number
  readonly logPath: string
  readonly lastWords: string
}): (() => void) => {
  const worker = new Worker(
    `const { appendFileSync } = require("node:fs")
const { pid, deadlineMs, logPath, lastWords } = require("node:worker_threads").workerData
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, deadlineMs)
try { appendFileSync(logPath, new Date().toISOString() + " " + lastWords + "\\n") } catch {}
process.kill(pid, "SIGKILL")`,
    { eval: true, workerData: options },
  )
  // It must never be what keeps the process alive.
  worker.unref()
  return () => void worker.terminate()
}
