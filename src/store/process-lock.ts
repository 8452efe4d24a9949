import { Effect, Schema } from "effect"
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { isAlive } from "./process-alive.js"

/**
 * A lock file holding the owner's pid, so one drain (or sync, or index refresh) runs per data
 * dir; a lock left by a dead process is taken over, and so is one older than `staleAfterMs`
 * (its owner is stuck, or its pid now belongs to another program). Returns a release function,
 * or undefined when another process holds it.
 */
const tryLock = (path: string, options: { readonly staleAfterMs?: number } = {}): (() => void) | undefined => {
  // A missing folder (a fresh data dir) is not another owner: create it rather than report busy.
  try {
    mkdirSync(dirname(path), { recursive: true })
  } catch {
    // Then writing the lock fails below, as it would have.
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" })
      return () => {
        try {
          unlinkSync(path)
        } catch {
          // Already gone.
        }
      }
    } catch {
      const owner = Number(readFileSafe(path))
      const tooOld = options.staleAfterMs !== undefined && lockAgeMs(path) > options.staleAfterMs
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner) && !tooOld) return undefined
      try {
        unlinkSync(path) // stale: its owner died or is stuck
      } catch {
        // Someone else cleaned it up first; try again.
      }
    }
  }
  return undefined
}

const readFileSafe = (path: string): string => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return ""
  }
}

const lockAgeMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

export class ProcessLockBusy extends Schema.TaggedError<ProcessLockBusy>()("ProcessLockBusy", { path: Schema.String }) {
  override get message() {
    return `another process holds ${this.path}`
  }
}

/**
 * Holds the lock file for the length of the scope (released however the scope ends). Polls for
 * up to `waitMs` while another live process holds it, then fails with ProcessLockBusy.
 */
export const processLock = (path: string, options: { readonly staleAfterMs?: number; readonly waitMs?: number } = {}) =>
  Effect.acquireRelease(
    Effect.gen(function* () {
      for (let waited = 0; ; waited += 100) {
        const release = tryLock(path, options)
        if (release !== undefined) return release
        if (waited >= (options.waitMs ?? 0)) return yield* new ProcessLockBusy({ path })
        yield* Effect.sleep("100 millis")
      }
    }),
    (release) => Effect.sync(release),
  )
