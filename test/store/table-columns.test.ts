import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { column, columnDefinitions, columnTypes, selectList } from "../../src/store/table-columns.js"

const fields = Schema.Struct({
  id: column(Schema.String, "VARCHAR"),
  at: column(Schema.NullOr(Schema.String), "TIMESTAMPTZ"),
  tokens: column(Schema.Number, "BIGINT"),
  turns: column(Schema.Number, "INTEGER"),
  cost: column(Schema.NullOr(Schema.Number), "DOUBLE"),
}).fields

describe("a row's fields give its table", () => {
  it("its column types, in the row's order", () => {
    expect(columnTypes(fields)).toEqual({ id: "VARCHAR", at: "TIMESTAMPTZ", tokens: "BIGINT", turns: "INTEGER", cost: "DOUBLE" })
    expect(Object.keys(columnTypes(fields))).toEqual(["id", "at", "tokens", "turns", "cost"])
  })

  it("its column definitions, NOT NULL where the field admits no null when asked", () => {
    expect(columnDefinitions(fields, { notNull: true })).toBe(
      "id VARCHAR NOT NULL, at TIMESTAMPTZ, tokens BIGINT NOT NULL, turns INTEGER NOT NULL, cost DOUBLE",
    )
    expect(columnDefinitions(fields, { notNull: false })).toBe("id VARCHAR, at TIMESTAMPTZ, tokens BIGINT, turns INTEGER, cost DOUBLE")
  })

  it("the SELECT list its schema reads: times as ISO-8601 UTC text, BIGINT counts as doubles", () => {
    expect(selectList(fields, "s")).toBe(
      "s.id, strftime(s.at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS at, s.tokens::DOUBLE AS tokens, s.turns, s.cost",
    )
    expect(selectList(Schema.Struct(fields).pick("tokens", "id").fields)).toBe("tokens::DOUBLE AS tokens, id")
  })

  it("refuses a field that names no column type", () => {
    expect(() => columnTypes({ id: column(Schema.String, "VARCHAR"), note: Schema.String })).toThrow("the row field note names no column type")
  })
})
