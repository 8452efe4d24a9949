import { appendFileSync, closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs"
import { join } from "node:path"
import type { RateLimitWindow } from "./status-line-input.js"

/**
 * The rate-limit percentages Claude Code reported to the status line, one JSON line per change,
 * in the data dir. Local only (never synced): `blocks` shows them beside the blocks they fall in.
 */
export interface RateLimitSample {
  readonly at: string
  readonly five_hour?: RateLimitWindow | undefined
  readonly seven_day?: RateLimitWindow | undefined
}

export const rateLimitHistoryPath = (dataDir: string) => join(dataDir, "rate-limits.jsonl")

/** The file's last line, read from its end, so the check stays cheap however long the history grows. */
const lastLine = (path: string): string | undefined => {
  let fd: number | undefined
  try {
    fd = openSync(path, "r")
    const size = fstatSync(fd).size
    const length = Math.min(size, 4096)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    return buffer.toString("utf8").trimEnd().split("\n").at(-1)
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const sameReadings = (a: RateLimitSample, b: RateLimitSample) =>
  JSON.stringify([a.five_hour, a.seven_day]) === JSON.stringify([b.five_hour, b.seven_day])

/** Appends a sample unless it repeats the last one (the status line runs after every message). */
export const appendRateLimitSample = (path: string, sample: RateLimitSample): void => {
  const previous = lastLine(path)
  try {
    if (previous !== undefined && sameReadings(JSON.parse(previous) as RateLimitSample, sample)) return
  } catch {
    // A damaged last line: append after it.
  }
  appendFileSync(path, `${JSON.stringify(sample)}\n`, { mode: 0o600 })
}

const isSample = (value: unknown): value is RateLimitSample =>
  typeof value === "object" && value !== null && typeof (value as { at?: unknown }).at === "string"

/** Every readable sample, oldest first; damaged lines are skipped. */
export const readRateLimitSamples = (path: string): ReadonlyArray<RateLimitSample> => {
  let content = ""
  try {
    content = readFileSync(path, "utf8")
  } catch {
    return []
  }
  return content.split("\n").flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line)
      return isSample(value) ? [value] : []
    } catch {
      return []
    }
  })
}
