import { it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { openDatabase } from "../../src/store/database.js"

const columns = {
  name: "VARCHAR",
  seq: "INTEGER",
  tokens: "BIGINT",
  cost: "DOUBLE",
  done: "BOOLEAN",
  written: "TIMESTAMPTZ",
} as const

const Row = Schema.Struct({
  name: Schema.NullOr(Schema.String),
  seq: Schema.NullOr(Schema.Number),
  tokens: Schema.NullOr(Schema.Number),
  cost: Schema.NullOr(Schema.Number),
  done: Schema.NullOr(Schema.Boolean),
  written: Schema.NullOr(Schema.String),
})

const withTable = <A, E>(work: (db: Effect.Effect.Success<ReturnType<typeof openDatabase>>) => Effect.Effect<A, E>) =>
  Effect.scoped(
    openDatabase(join(mkdtempSync(join(tmpdir(), "csl-append-")), "test.duckdb")).pipe(
      Effect.tap((db) => db.run(`CREATE TABLE t (name VARCHAR, seq INTEGER, tokens BIGINT, cost DOUBLE, done BOOLEAN, written TIMESTAMPTZ)`)),
      Effect.flatMap(work),
    ),
  )

const readBack = (db: Effect.Effect.Success<ReturnType<typeof openDatabase>>) =>
  db.all(Row, `SELECT name, seq, tokens::DOUBLE AS tokens, cost, done,
    strftime(written AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS written FROM t ORDER BY seq`)

it.effect("appendRows stores every supported type, NULLs and timestamps with an offset as their instant", () =>
  withTable((db) =>
    Effect.gen(function* () {
      yield* db.appendRows("t", columns, [
        { name: "a", seq: 1, tokens: 9_007_199_254_740_991, cost: 0.125, done: true, written: "2026-08-01T10:00:00.123Z" },
        { name: null, seq: 2, tokens: undefined, cost: null, done: false, written: "2026-08-01T10:00:00+02:00" },
        { name: "c", seq: 3, tokens: 0, cost: 1, done: null, written: null },
      ])
      expect(yield* readBack(db)).toEqual([
        { name: "a", seq: 1, tokens: 9_007_199_254_740_991, cost: 0.125, done: true, written: "2026-08-01T10:00:00.123Z" },
        { name: null, seq: 2, tokens: null, cost: null, done: false, written: "2026-08-01T08:00:00.000Z" },
        { name: "c", seq: 3, tokens: 0, cost: 1, done: null, written: null },
      ])
    })
  ))

it.effect("appendRows refuses columns that are not the table's, in its order, and appends nothing", () =>
  withTable((db) =>
    Effect.gen(function* () {
      const swapped = { seq: "INTEGER", name: "VARCHAR", tokens: "BIGINT", cost: "DOUBLE", done: "BOOLEAN", written: "TIMESTAMPTZ" }
      const failure = yield* db.appendRows("t", swapped, [{ name: "a", seq: 1 }]).pipe(Effect.flip)
      expect(failure._tag).toBe("DatabaseFailed")
      expect(failure.reason).toContain("its columns are name, seq, tokens, cost, done, written")
      expect(yield* readBack(db)).toEqual([])
    })
  ))

it.effect("appendRows refuses a value that does not fit its column before appending any row", () =>
  withTable((db) =>
    Effect.gen(function* () {
      for (const bad of [{ tokens: "12" }, { written: "not a time" }, { seq: 1.5 }, { done: "yes" }]) {
        const failure = yield* db.appendRows("t", columns, [{ name: "fine", seq: 1 }, { name: "bad", seq: 2, ...bad }]).pipe(Effect.flip)
        expect(failure.reason).toContain("does not fit its column")
      }
      expect(yield* readBack(db)).toEqual([])
    })
  ))

it.effect("appendRows refuses a number its column cannot hold as it is (wrapped, rounded, not finite) before appending any row", () =>
  withTable((db) =>
    Effect.gen(function* () {
      const unfit = [
        { seq: 2 ** 31 },
        { seq: -(2 ** 31) - 1 },
        { seq: 2 ** 40 },
        { tokens: 1.5 },
        { tokens: Number.NaN },
        { tokens: Number.POSITIVE_INFINITY },
        { tokens: 2 ** 63 },
        { cost: Number.NaN },
        { cost: Number.NEGATIVE_INFINITY },
      ]
      for (const bad of unfit) {
        const failure = yield* db.appendRows("t", columns, [{ name: "fine", seq: 1 }, { name: "bad", seq: 2, ...bad }]).pipe(Effect.flip)
        expect(failure.reason, JSON.stringify(bad)).toContain("does not fit its column")
      }
      expect(yield* readBack(db)).toEqual([])
      // The ends of each range still fit.
      yield* db.appendRows("t", columns, [
        { name: "low", seq: -(2 ** 31), tokens: -Number.MAX_SAFE_INTEGER, cost: -Number.MAX_VALUE },
        { name: "high", seq: 2 ** 31 - 1, tokens: Number.MAX_SAFE_INTEGER, cost: Number.MAX_VALUE },
      ])
      expect((yield* readBack(db)).map(({ cost, name, seq, tokens }) => ({ name, seq, tokens, cost }))).toEqual([
        { name: "low", seq: -(2 ** 31), tokens: -Number.MAX_SAFE_INTEGER, cost: -Number.MAX_VALUE },
        { name: "high", seq: 2 ** 31 - 1, tokens: Number.MAX_SAFE_INTEGER, cost: Number.MAX_VALUE },
      ])
    })
  ))

it.effect("appendRows appends to a table in another schema", () =>
  withTable((db) =>
    Effect.gen(function* () {
      yield* db.run(`CREATE SCHEMA other`)
      yield* db.run(`CREATE TABLE other.t (name VARCHAR)`)
      yield* db.appendRows("other.t", { name: "VARCHAR" }, [{ name: "x" }, { name: "y" }])
      expect(yield* db.all(Schema.Struct({ name: Schema.String }), `SELECT name FROM other.t ORDER BY name`)).toEqual([{ name: "x" }, { name: "y" }])
    })
  ))
