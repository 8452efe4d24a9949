import { it } from "@effect/vitest"
import { Effect, Fiber, Schema } from "effect"
import { expect } from "vitest"
import { openDatabase } from "../../src/store/database.js"

const Count = Schema.Struct({ n: Schema.Number })
/** A statement that keeps DuckDB busy for a good part of a second. */
const slow = `SELECT count(*)::DOUBLE AS n FROM range(60000000) WHERE hash(range) % 7 = 0`

it.live("an interrupted statement is awaited: the connection is never closed under it (Ctrl-C hung or crashed DuckDB)", () =>
  Effect.scoped(Effect.gen(function* () {
    const db = yield* openDatabase(":memory:")
    const started = Date.now()
    yield* db.all(Count, slow)
    const takes = Date.now() - started

    const fiber = yield* Effect.fork(db.all(Count, slow))
    yield* Effect.sleep("10 millis")
    const interrupting = Date.now()
    yield* Fiber.interrupt(fiber)
    const waited = Date.now() - interrupting
    // Whatever happened, the statement is over before this scope closes the connection.
    yield* Effect.sleep(takes * 2)
    // Not awaited, the interruption returns at once (1 ms); awaited, once the statement is done.
    expect(waited, `the statement takes ${takes} ms`).toBeGreaterThan(Math.min(100, takes / 3))
  })), 30_000)
