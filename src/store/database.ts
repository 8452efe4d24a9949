import { type DuckDBAppender, DuckDBInstance, type DuckDBValue, TIMESTAMPTZ, timestampTZValue } from "@duckdb/node-api"
import { Effect, ParseResult, Schema, type Scope } from "effect"
import { DatabaseFailed, DatabaseLocked } from "./database-errors.js"

export type SqlParams = ReadonlyArray<DuckDBValue>

/** Column name → DuckDB type, in table order. */
export type ColumnTypes = Readonly<Record<string, string>>

/** A value for `appendRows`: a TIMESTAMPTZ column takes an ISO-8601 string (read as JavaScript's Date reads it). */
export type AppendValue = string | number | boolean | null | undefined

/** One open DuckDB connection. Every method fails only with DatabaseFailed. */
export interface Db {
  readonly path: string
  readonly run: (sql: string, params?: SqlParams) => Effect.Effect<void, DatabaseFailed>
  readonly all: <A, I>(
    row: Schema.Schema<A, I>,
    sql: string,
    params?: SqlParams,
  ) => Effect.Effect<ReadonlyArray<A>, DatabaseFailed>
  /**
   * Adds rows through DuckDB's appender, several times faster than an INSERT for thousands of
   * rows. `columns` must be the table's columns, in order: it fails before appending otherwise.
   * Supported types: VARCHAR, JSON (as text), BOOLEAN, INTEGER, BIGINT (safe integers), DOUBLE (finite),
   * TIMESTAMPTZ; null or undefined is NULL; a value of another kind, or out of its column's range,
   * fails before anything is appended. Rows the appender already flushed stay if it fails later
   * (a constraint): call it inside `transaction`.
   */
  readonly appendRows: (table: string, columns: ColumnTypes, rows: ReadonlyArray<Readonly<Record<string, AppendValue>>>) => Effect.Effect<void, DatabaseFailed>
  /** Runs `work` inside BEGIN / COMMIT, rolling back if it fails. */
  readonly transaction: <A, E, R>(work: Effect.Effect<A, E, R>) => Effect.Effect<A, E | DatabaseFailed, R>
}

const ColumnName = Schema.Struct({ column_name: Schema.String })

/**
 * How one column takes its values: whether a value fits, and how it reaches the appender. Chosen
 * once per column, not per value: a backfill appends close to a million values.
 */
interface ColumnWriter {
  readonly fits: (value: AppendValue) => boolean
  readonly append: (appender: DuckDBAppender, value: AppendValue) => void
}

/** INTEGER's range: the appender wraps a number outside it (2^31 arrives as -2^31) without a word. */
const isInt32 = (value: AppendValue): boolean => Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31

const writers: Readonly<Record<string, ColumnWriter>> = {
  VARCHAR: { fits: (value) => typeof value === "string", append: (appender, value) => appender.appendVarchar(value as string) },
  // JSON text: DuckDB's JSON type is VARCHAR underneath.
  JSON: { fits: (value) => typeof value === "string", append: (appender, value) => appender.appendVarchar(value as string) },
  BOOLEAN: { fits: (value) => typeof value === "boolean", append: (appender, value) => appender.appendBoolean(value as boolean) },
  INTEGER: { fits: isInt32, append: (appender, value) => appender.appendInteger(value as number) },
  // Numbers go as DOUBLE, which DuckDB casts to the column's type: it would round 1.5 silently, and
  // fail on NaN only once earlier rows are appended, so only whole numbers a double holds exactly fit.
  BIGINT: { fits: (value) => Number.isSafeInteger(value), append: (appender, value) => appender.appendDouble(value as number) },
  // NaN and the infinities are no figure (the JSON the rows once travelled as made them NULL).
  DOUBLE: { fits: (value) => Number.isFinite(value), append: (appender, value) => appender.appendDouble(value as number) },
  TIMESTAMPTZ: {
    fits: (value) => typeof value === "string" && Number.isFinite(Date.parse(value)),
    append: (appender, value) => appender.appendValue(timestampTZValue(BigInt(Date.parse(value as string)) * 1000n), TIMESTAMPTZ),
  },
}

/** A value the appender cannot take in this column. */
const nothingFits: ColumnWriter = { fits: () => false, append: () => undefined }

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

// DuckDB says: IO Error: Could not set lock on file "…": Conflicting lock is held in … (PID n)
const isLockConflict = (cause: unknown): boolean => /Could not set lock on file|Conflicting lock/i.test(reasonOf(cause))

export interface OpenOptions {
  /**
   * Opens without writing anything (no WAL, no checkpoint), so reading works on a full disk.
   * DuckDB still refuses it while a writer holds the file: that is a DatabaseLocked as usual.
   */
  readonly readOnly?: boolean
}

/**
 * Opens the DuckDB file for this scope and closes it when the scope ends, so no process keeps
 * the file (and its exclusive lock) longer than its work takes.
 */
export const openDatabase = (path: string, options: OpenOptions = {}): Effect.Effect<Db, DatabaseLocked | DatabaseFailed, Scope.Scope> =>
  Effect.gen(function* () {
    const instance = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => DuckDBInstance.create(path, options.readOnly === true ? { access_mode: "READ_ONLY" } : {}),
        catch: (cause) =>
          isLockConflict(cause) ? new DatabaseLocked({ path }) : new DatabaseFailed({ path, reason: reasonOf(cause) }),
      }),
      (opened) => Effect.sync(() => opened.closeSync()),
    )
    const connection = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => instance.connect(),
        catch: (cause) => new DatabaseFailed({ path, reason: reasonOf(cause) }),
      }),
      (opened) => Effect.sync(() => opened.closeSync()),
    )

    const failed = (sql: string) => (cause: unknown) =>
      new DatabaseFailed({ path, reason: `${reasonOf(cause)} (in: ${sql.trim().split("\n")[0]})` })

    /**
     * One call into DuckDB, awaited even when the work is interrupted (Ctrl-C): the scope then
     * closes the connection, and closing it under a statement still running on another thread
     * deadlocks or crashes DuckDB, and the process with it. An interruption takes effect once
     * the statement is done.
     */
    const statement = <A>(sql: string, call: () => Promise<A>) =>
      Effect.tryPromise({ try: call, catch: failed(sql) }).pipe(Effect.uninterruptible)

    const run = (sql: string, params: SqlParams = []) => statement(sql, () => connection.run(sql, [...params])).pipe(Effect.asVoid)

    const all = <A, I>(row: Schema.Schema<A, I>, sql: string, params: SqlParams = []) =>
      statement(sql, () => connection.runAndReadAll(sql, [...params])).pipe(
        Effect.flatMap((reader) => Schema.decodeUnknown(Schema.Array(row))(reader.getRowObjectsJS())),
        Effect.catchTag("ParseError", (error) =>
          Effect.fail(failed(sql)(ParseResult.TreeFormatter.formatErrorSync(error)))),
      )

    // A failed or interrupted transaction is rolled back; closing the connection would too.
    const transaction = <A, E, R>(work: Effect.Effect<A, E, R>) =>
      run("BEGIN TRANSACTION").pipe(
        Effect.zipRight(work.pipe(Effect.tapErrorCause(() => run("ROLLBACK").pipe(Effect.ignore)))),
        Effect.tap(() => run("COMMIT")),
      )

    const appendRows = (table: string, columns: ColumnTypes, rows: ReadonlyArray<Readonly<Record<string, AppendValue>>>) => {
      const names = Object.keys(columns)
      const columnWriters = names.map((column) => writers[columns[column] ?? ""] ?? nothingFits)
      const [schema, name] = table.includes(".") ? table.split(".") : ["main", table]
      return rows.length === 0 ? Effect.void : all(
        ColumnName,
        `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2 ORDER BY column_index`,
        [schema ?? "main", name ?? table],
      ).pipe(
        Effect.filterOrFail(
          (found) => found.map((column) => column.column_name).join(",") === names.join(","),
          (found) => failed(`append to ${table}`)(`its columns are ${found.map((column) => column.column_name).join(", ")}, not ${names.join(", ")}`),
        ),
        Effect.filterOrFail(
          () => rows.every((row) => {
            for (let column = 0; column < names.length; column++) {
              const value = row[names[column] as string]
              if (value !== null && value !== undefined && !(columnWriters[column] as ColumnWriter).fits(value)) return false
            }
            return true
          }),
          () => failed(`append to ${table}`)(`a value does not fit its column (${JSON.stringify(columns)})`),
        ),
        Effect.zipRight(statement(`append to ${table}`, async () => {
          const appender = await connection.createAppender(name ?? table, schema)
          try {
            for (const row of rows) {
              for (let column = 0; column < names.length; column++) {
                const value = row[names[column] as string]
                if (value === null || value === undefined) appender.appendNull()
                else (columnWriters[column] as ColumnWriter).append(appender, value)
              }
              appender.endRow()
            }
          } finally {
            appender.closeSync()
          }
        })),
      )
    }

    return { path, run, all, appendRows, transaction } satisfies Db
  })
