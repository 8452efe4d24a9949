import { type Duration, Schedule } from "effect"

/**
 * Retry schedule for DuckDB's single-writer file lock: quick at first (most holders finish in
 * milliseconds), never more than ~100 ms apart, jittered so that many waiting writers do not
 * retry in lockstep, and bounded in total.
 */
export const retryWhileLocked = (budget: Duration.DurationInput) =>
  Schedule.exponential("10 millis", 1.5).pipe(
    Schedule.union(Schedule.spaced("100 millis")),
    Schedule.jittered,
    Schedule.upTo(budget),
  )
