import { describe, expect, it } from "vitest"
import { decodeTime } from "ulid"
import { CausalIdGenerator, maxDriftMs } from "../../src/events/causal-id-generator.js"

const now = Date.UTC(2026, 10, 21, 12, 0, 0)

describe("causal ids", () => {
  it("are strictly increasing within one millisecond", () => {
    const ids = new CausalIdGenerator()
    const made = Array.from({ length: 1000 }, () => ids.next(now))
    expect([...made].sort()).toEqual(made)
    expect(new Set(made).size).toBe(made.length)
  })

  it("sort after an observed event even when this clock is an hour behind", () => {
    const seen = new CausalIdGenerator().next(now + 60 * 60 * 1000)
    const behind = new CausalIdGenerator()
    behind.observe(seen)
    expect(behind.next(now) > seen).toBe(true)
  })

  it("are not dragged past now + max drift by an event from a far-future clock", () => {
    const farFuture = new CausalIdGenerator().next(now + 10 * maxDriftMs)
    const ids = new CausalIdGenerator()
    ids.observe(farFuture)
    expect(decodeTime(ids.next(now))).toBe(now + maxDriftMs)
  })

  it("use the wall clock when nothing newer was seen", () => {
    const ids = new CausalIdGenerator()
    ids.observe(new CausalIdGenerator().next(now - 5_000))
    expect(decodeTime(ids.next(now))).toBe(now)
  })
})
