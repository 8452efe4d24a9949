import { Effect, Schema } from "effect"
import type { Db } from "./database.js"

const TableCount = Schema.Struct({ n: Schema.Number })

/** Creates a table of this connection's database from its DDL if it is missing; true when it was created now. */
export const createTableIfMissing = (db: Db, table: string, ddl: string) =>
  db.all(TableCount, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = $1`, [table]).pipe(
    Effect.flatMap(([existing]) => ((existing?.n ?? 0) > 0 ? Effect.succeed(false) : db.run(ddl).pipe(Effect.as(true)))),
  )
