import { DuckDBInstance, type DuckDBValue } from "@duckdb/node-api"
import { Effect, ParseResult, Schema, type Scope } from "effect"
import { DatabaseFailed, DatabaseLocked } from "./database-errors.js"

export type SqlParams = ReadonlyArray<DuckDBValue>

/** One open DuckDB connection. Every method fails only with DatabaseFailed. */
export interface Db {
  readonly path: string
  readonly run: (sql: string, params?: SqlParams) => Effect.Effect<void, DatabaseFailed>
  readonly all: <A, I>(
    row: Schema.Schema<A, I>,
    sql: string,
    params?: SqlParams,
  ) => Effect.Effect<ReadonlyArray<A>, DatabaseFailed>
  /** Runs `work` inside BEGIN / COMMIT, rolling back if it fails. */
  readonly transaction: <A, E, R>(work: Effect.Effect<A, E, R>) => Effect.Effect<A, E | DatabaseFailed, R>
}

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

    const run = (sql: string, params: SqlParams = []) =>
      Effect.tryPromise({ try: () => connection.run(sql, [...params]), catch: failed(sql) }).pipe(Effect.asVoid)

    const all = <A, I>(row: Schema.Schema<A, I>, sql: string, params: SqlParams = []) =>
      Effect.tryPromise({ try: () => connection.runAndReadAll(sql, [...params]), catch: failed(sql) }).pipe(
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

    return { path, run, all, transaction } satisfies Db
  })
