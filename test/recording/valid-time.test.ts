import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { validTime } from "../../src/recording/session-recording.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** What validTime did before it had a shortcut for Claude Code's own form: parse, then print. */
const parsedAndPrinted = (time: string | null): string | null => {
  const ms = time === null ? Number.NaN : Date.parse(time)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

const digits = (length: number, max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(length, "0"))
/** Times in Claude Code's form with every field at and past its range: day 31 of February, hour 24, minute 60. */
const isoShaped = fc.tuple(digits(4, 9999), digits(2, 13), digits(2, 32), digits(2, 25), digits(2, 61), digits(2, 61), digits(3, 999))
  .map(([year, month, day, hour, minute, second, ms]) => `${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`)

describe("validTime", () => {
  it(`gives what parsing and printing gives, for every time in Claude Code's form and around it (seed=${seed})`, () => {
    console.log(`valid-time seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    const anyTime = fc.oneof(isoShaped, isoShaped.map((time) => time.replace("Z", "+01:00")), fc.string(), fc.constant(null))
    fc.assert(fc.property(anyTime, (time) => validTime(time) === parsedAndPrinted(time)), { seed, numRuns: 20_000 })
  })

  it("rolls a day past its month's end over as parsing does, and keeps a time already in its printed form", () => {
    expect(validTime("2026-02-31T10:00:00.000Z")).toBe(parsedAndPrinted("2026-02-31T10:00:00.000Z"))
    expect(validTime("2026-03-01T24:00:00.000Z")).toBe(parsedAndPrinted("2026-03-01T24:00:00.000Z"))
    expect(validTime("2026-11-30T11:42:05.123Z")).toBe("2026-11-30T11:42:05.123Z")
    expect(validTime("yesterday")).toBe(null)
  })
})
