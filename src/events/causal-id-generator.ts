import { decodeTime, monotonicFactory, type PRNG } from "ulid"
import type { EventId } from "./ids.js"

/**
 * How far past its own clock a device lets the events it has seen push its new ids. Large enough
 * that a device an hour or more behind still orders its changes after those it has seen; bounded
 * so one device with a wildly wrong clock cannot drag everyone's ids into the future.
 */
export const maxDriftMs = 24 * 60 * 60 * 1000

/**
 * Hybrid-logical-clock ULIDs. The time part of a new id is
 * `max(now, newest observed event time + 1 ms)`, capped at `now + maxDriftMs`, and ids made in
 * the same millisecond increment the random part. So an event created after another was seen
 * sorts after it on every device, whatever the clocks say.
 */
export class CausalIdGenerator {
  private newestObservedMs = 0
  private readonly nextMonotonic

  constructor(prng?: PRNG) {
    this.nextMonotonic = monotonicFactory(prng)
  }

  observe(id: string): void {
    const time = decodeTime(id)
    if (time > this.newestObservedMs) this.newestObservedMs = time
  }

  next(nowMs: number): EventId {
    const causalFloor = Math.min(this.newestObservedMs + 1, nowMs + maxDriftMs)
    return this.nextMonotonic(Math.max(nowMs, causalFloor)) as EventId
  }

}
