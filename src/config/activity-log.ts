import { appendFileSync, mkdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"

/** Where a line goes when the data dir's log cannot be written (a read-only or broken data dir). */
export const fallbackLogPath = (): string => join(tmpdir(), `claude-session-logger-${process.getuid?.() ?? "user"}.log`)

const append = (path: string, line: string) => {
  mkdirSync(dirname(path), { recursive: true })
  appendFileSync(path, `${new Date().toISOString()} ${line.replace(/\s*\n\s*/g, " ")}\n`)
}

/**
 * One line in the data dir's log: where hooks and background work report what they could not
 * print. Never throws; a log that cannot be written must not break the work it describes. If
 * the data dir's log cannot be written, the line goes to a log in the OS temp dir, saying so.
 */
export const appendActivityLog = (path: string, line: string): void => {
  try {
    append(path, line)
  } catch (error) {
    try {
      append(fallbackLogPath(), `${line} (could not write ${path}: ${error instanceof Error ? error.message : String(error)})`)
    } catch {
      // Nowhere left to report to.
    }
  }
}
