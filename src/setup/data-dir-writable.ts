import { existsSync, statSync, unlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"

/** The closest of `path` and its parents that exists. */
const nearestExisting = (path: string): string => {
  let current = path
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current)
  return current
}

/** Writes and removes a probe file: the only test that sees read-only mounts, ACLs and full disks. */
const probeWrite = (dir: string): string | undefined => {
  const probe = join(dir, `.write-probe-${process.pid}`)
  try {
    writeFileSync(probe, "")
    unlinkSync(probe)
    return undefined
  } catch (error) {
    return `cannot write in ${dir}: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * Why recordings could not be queued in these folders (the data dir and the queues in it), or
 * undefined when each can be written. A folder not made yet is judged by the one it would be made in.
 */
export const unwritableReason = (dirs: ReadonlyArray<string>): string | undefined => {
  for (const dir of dirs) {
    const existing = nearestExisting(dir)
    if (!statSync(existing).isDirectory()) return `${existing} is not a directory`
    const reason = probeWrite(existing)
    if (reason !== undefined) return reason
  }
  return undefined
}
