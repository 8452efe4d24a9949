import { Effect } from "effect"
import type { DatabaseFailed } from "./database-errors.js"
import type { Db } from "./database.js"
import { inKeys } from "./sql-fragments.js"

/** Column name → DuckDB type, in table order. */
export type ColumnTypes = Readonly<Record<string, string>>

/**
 * Inserts many rows with one statement and one parameter: the rows travel as a JSON array that
 * DuckDB unnests into typed columns. Explicit column lists, so table shape changes never
 * silently shift values.
 */
export const insertRowsSql = (table: string, columns: ColumnTypes, suffix = ""): string => {
  const names = Object.keys(columns)
  const structType = JSON.stringify(Object.fromEntries(names.map((name) => [name, columns[name]])))
  return `INSERT INTO ${table} (${names.join(", ")})
    SELECT ${names.map((name) => `r.${name}`).join(", ")}
    FROM (SELECT unnest(from_json($1::JSON, '[${structType}]'), recursive := true)) AS r(${names.join(", ")})
    ${suffix}`
}

export const insertRows = (
  db: Db,
  table: string,
  columns: ColumnTypes,
  rows: ReadonlyArray<object>,
): Effect.Effect<void, DatabaseFailed> =>
  rows.length === 0 ? Effect.void : db.run(insertRowsSql(table, columns), [JSON.stringify(rows)])

/** Replaces the rows of some entities: delete those with these keys, then insert the new rows. */
export const replaceRows = (
  db: Db,
  table: string,
  keyColumn: string,
  keys: ReadonlyArray<string>,
  columns: ColumnTypes,
  rows: ReadonlyArray<object>,
): Effect.Effect<void, DatabaseFailed> =>
  db.run(`DELETE FROM ${table} WHERE ${inKeys(keyColumn)}`, [JSON.stringify(keys)]).pipe(
    Effect.zipRight(insertRows(db, table, columns, rows)),
  )
