import { Option, Schema, SchemaAST } from "effect"
import { isoUtc } from "./sql-fragments.js"

/** The DuckDB types of our tables' columns. */
export type ColumnType = "VARCHAR" | "BIGINT" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "TIMESTAMPTZ"

const ColumnTypeId = Symbol.for("claude-session-logger/ColumnType")

/**
 * A field of a table's row: the schema its value reads back as, and the type of the column that
 * holds it. A row defined once from such fields gives its table's columns, its SELECT list and
 * the schema its rows decode with, so the three cannot disagree.
 */
export const column = <S extends Schema.Schema.Any>(schema: S, type: ColumnType): S =>
  schema.annotations({ [ColumnTypeId]: type }) as S

export type ColumnFields = Readonly<Record<string, Schema.Schema.Any>>

const columnTypeOf = (name: string, field: Schema.Schema.Any): ColumnType =>
  Option.getOrThrowWith(
    SchemaAST.getAnnotation<ColumnType>(field.ast, ColumnTypeId),
    () => new Error(`the row field ${name} names no column type`),
  )

/** Column name → DuckDB type, in the row's order: what inserts unnest JSON rows into. */
export const columnTypes = <F extends ColumnFields>(fields: F): { readonly [K in keyof F]: ColumnType } =>
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, columnTypeOf(name, field)])) as { readonly [K in keyof F]: ColumnType }

const isNull = (ast: SchemaAST.AST): boolean => SchemaAST.isLiteral(ast) && ast.literal === null
const admitsNull = ({ ast }: Schema.Schema.Any): boolean => isNull(ast) || (SchemaAST.isUnion(ast) && ast.types.some(isNull))

/**
 * The column definitions of a CREATE TABLE. With `notNull`, a column whose field admits no null is
 * declared NOT NULL; without, none is (the tables created so before keep one shape with new ones).
 */
export const columnDefinitions = (fields: ColumnFields, options: { readonly notNull: boolean }): string =>
  Object.entries(fields)
    .map(([name, field]) => `${name} ${columnTypeOf(name, field)}${options.notNull && !admitsNull(field) ? " NOT NULL" : ""}`)
    .join(", ")

/**
 * The SELECT list that reads the fields back as their schemas expect: times as ISO-8601 UTC text,
 * BIGINT counts as doubles (JavaScript numbers rather than bigints). `from` qualifies the columns.
 */
export const selectList = (fields: ColumnFields, from?: string): string =>
  Object.entries(fields)
    .map(([name, field]) => {
      const qualified = from === undefined ? name : `${from}.${name}`
      const type = columnTypeOf(name, field)
      if (type === "TIMESTAMPTZ") return `${isoUtc(qualified)} AS ${name}`
      if (type === "BIGINT") return `${qualified}::DOUBLE AS ${name}`
      return qualified
    })
    .join(", ")
