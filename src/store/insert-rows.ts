import { Effect } from "effect"
import type { DatabaseFailed } from "./database-errors.js"
import type { AppendValue, ColumnTypes, Db } from "./database.js"
import { inKeys } from "./sql-fragments.js"

export type { ColumnTypes } from "./database.js"

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

const deleteKeys = (db: Db, table: string, keyColumn: string, keys: ReadonlyArray<string>) =>
  db.run(`DELETE FROM ${table} WHERE ${inKeys(keyColumn)}`, [JSON.stringify(keys)])

/** Replaces the rows of some entities: delete those with these keys, then insert the new rows. */
export const replaceRows = (
  db: Db,
  table: string,
  keyColumn: string,
  keys: ReadonlyArray<string>,
  columns: ColumnTypes,
  rows: ReadonlyArray<object>,
): Effect.Effect<void, DatabaseFailed> =>
  deleteKeys(db, table, keyColumn, keys).pipe(Effect.zipRight(insertRows(db, table, columns, rows)))

/**
 * `replaceRows` through DuckDB's appender, for tables filled by the ten thousand (a backfill's
 * response claims and tool calls): `columns` must be all of the table's columns, in order.
 */
export const replaceRowsAppending = (
  db: Db,
  table: string,
  keyColumn: string,
  keys: ReadonlyArray<string>,
  columns: ColumnTypes,
  rows: ReadonlyArray<Readonly<Record<string, AppendValue>>>,
): Effect.Effect<void, DatabaseFailed> =>
  deleteKeys(db, table, keyColumn, keys).pipe(Effect.zipRight(db.appendRows(table, columns, rows)))
