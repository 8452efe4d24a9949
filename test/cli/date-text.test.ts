import { describe, expect, it } from "vitest"
import { parseDateText } from "../../src/cli/date-text.js"

// Local dates depend on the zone: vitest runs these with whatever TZ the machine has, so the
// expectations are built with the same local constructors the parser must use.
const now = new Date(2026, 10, 30, 15, 42, 7)

describe("parseDateText", () => {
  it("reads ISO dates as the start of that local day and date-times without a zone as local", () => {
    expect(parseDateText("2026-11-01", now)).toEqual(new Date(2026, 10, 1))
    expect(parseDateText("2026-11-01T09:30", now)).toEqual(new Date(2026, 10, 1, 9, 30))
    expect(parseDateText("2026-11-01 09:30:15.250", now)).toEqual(new Date(2026, 10, 1, 9, 30, 15, 250))
  })

  it("honours a zone when the text names one", () => {
    expect(parseDateText("2026-11-01T09:00:00Z", now)?.toISOString()).toBe("2026-11-01T09:00:00.000Z")
    expect(parseDateText("2026-11-01T09:00:00+01:00", now)?.toISOString()).toBe("2026-11-01T08:00:00.000Z")
    expect(parseDateText("2026-11-01T09:00-0530", now)?.toISOString()).toBe("2026-11-01T14:30:00.000Z")
  })

  it("reads today, yesterday and spans back from the start of today", () => {
    expect(parseDateText("today", now)).toEqual(new Date(2026, 10, 30))
    expect(parseDateText(" Yesterday ", now)).toEqual(new Date(2026, 10, 29))
    expect(parseDateText("7d", now)).toEqual(new Date(2026, 10, 23))
    expect(parseDateText("0d", now)).toEqual(new Date(2026, 10, 30))
    expect(parseDateText("2w", now)).toEqual(new Date(2026, 10, 16))
    expect(parseDateText("3m", now)).toEqual(new Date(2026, 7, 30))
    expect(parseDateText("1m", new Date(2026, 2, 31))).toEqual(new Date(2026, 1, 28))
  })

  it("refuses anything else", () => {
    for (const text of ["", "last tuesday", "2026-13-01", "2026-02-30", "2026-11-01T25:00", "7y", "-7d", "2026/11/01", "1e3d", "20261101"]) {
      expect(parseDateText(text, now), text).toBeUndefined()
    }
  })
})
