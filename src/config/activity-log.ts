import { appendFileSync, mkdirSync } from "node:fs"
import { dirname } from "node:path"

/**
 * One line in the data dir's log: where hooks and background work report what they could not
 * print. Never throws; a log that cannot be written must not break the work it describes.
 */
export const appendActivityLog = (path: string, line: string): void => {
  try {
    mkdirSync(dirname(path), { recursive: true })
    appendFileSync(path, `${new Date().toISOString()} ${line.replace(/\s*\n\s*/g, " ")}\n`)
  } catch {
    // Nowhere left to report to.
  }
}
