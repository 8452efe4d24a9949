import { Effect, Schema } from "effect"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { retryWhileLocked } from "../store/lock-retry.js"
import { sqlString } from "../store/sql-fragments.js"
import { resolveToken, tokenFromFile } from "./motherduck-token.js"
import type { RemoteTarget } from "./remote-target.js"
import { RemoteDamaged, RemoteUnavailable } from "./sync-errors.js"

const fileCatalog = "csl_remote"

/** Another device holds the shared file right now: worth a bounded wait. */
class RemoteBusy extends Schema.TaggedError<RemoteBusy>()("RemoteBusy", {}) {}

const reasonOf = (error: DatabaseFailed) => error.reason.replace(/ \(in: .*\)$/s, "")

// DuckDB's words for a file that is not (or no longer) a database it can open.
const isDamaged = (reason: string) => /not a valid DuckDB database file|Is a directory|corrupt|checksum|truncated/i.test(reason)

/** How to attach: under which catalog name, and read-only (a teammate's hive) or not. */
export interface AttachOptions {
  readonly catalog?: string
  readonly readOnly?: boolean
}

const attachFile = (db: Db, path: string, options: AttachOptions) =>
  db.run(`ATTACH ${sqlString(path)} AS ${options.catalog ?? fileCatalog}${options.readOnly === true ? " (READ_ONLY)" : ""}`).pipe(
    Effect.catchTag("DatabaseFailed", (error): Effect.Effect<never, RemoteBusy | RemoteUnavailable | RemoteDamaged> =>
      /Could not set lock|Conflicting lock/i.test(error.reason)
        ? Effect.fail(new RemoteBusy())
        : isDamaged(error.reason)
        ? Effect.fail(new RemoteDamaged({ remote: path, reason: reasonOf(error).replace(/^IO Error: /, "") }))
        : Effect.fail(new RemoteUnavailable({ remote: path, reason: reasonOf(error) }))),
    Effect.retry({ schedule: retryWhileLocked("10 seconds"), while: (error) => error._tag === "RemoteBusy" }),
    Effect.catchTag("RemoteBusy", () =>
      Effect.fail(new RemoteUnavailable({ remote: path, reason: "another device has kept it busy for 10 s" }))),
    Effect.as(options.catalog ?? fileCatalog),
  )

const unreachable = (remote: string, error: DatabaseFailed) =>
  new RemoteUnavailable({
    remote,
    reason: /extension/i.test(error.reason)
      ? "MotherDuck is unreachable (DuckDB could not load its motherduck extension; offline?)"
      : reasonOf(error),
  })

/**
 * The one place this process's environment is written: DuckDB's motherduck extension reads its
 * token from `motherduck_token` when it connects. It is there only while the ATTACH runs, then
 * the variable is as it was.
 */
const withTokenForDuckDb = <A, E, R>(token: string, attach: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => {
      const before = process.env.motherduck_token
      process.env.motherduck_token = token
      return before
    }),
    () => attach,
    (before) =>
      Effect.sync(() => {
        if (before === undefined) delete process.env.motherduck_token
        else process.env.motherduck_token = before
      }),
  )

/**
 * MotherDuck reads its token from the `motherduck_token` variable of this process, so the token
 * never appears in SQL text or a connection string that an error message could echo. If a stale
 * variable is rejected and the token file holds a different token, that one is tried once.
 */
const attachMotherDuck = (db: Db, database: string, env: NodeJS.ProcessEnv, options: AttachOptions) => {
  const remote = `md:${database}`
  // A share (`md:_share/owner_db/uuid`) is someone else's database: attached read-only under its own name.
  const isShare = database.startsWith("_share/")
  const token = resolveToken(env)
  if (token === undefined) {
    return Effect.fail(new RemoteUnavailable({ remote, reason: "no MotherDuck token (motherduck_token, MOTHERDUCK_TOKEN or ~/.config/motherduck/token)" }))
  }
  const attachWith = (value: string) =>
    withTokenForDuckDb(value, db.run(isShare ? `ATTACH ${sqlString(remote)} AS ${options.catalog ?? fileCatalog}` : `ATTACH 'md:'`))
  const fileToken = tokenFromFile(env)
  return attachWith(token.token).pipe(
    Effect.catchTag("DatabaseFailed", (error) =>
      token.source !== "token file" && fileToken !== undefined && fileToken.token !== token.token &&
        /token|auth|unauthori[sz]ed|forbidden|401|403/i.test(error.reason)
        ? attachWith(fileToken.token)
        : Effect.fail(error)),
    Effect.zipRight(isShare ? Effect.void : db.run(`CREATE DATABASE IF NOT EXISTS ${database}`)),
    Effect.mapError((error) => unreachable(remote, error)),
    Effect.as(isShare ? options.catalog ?? fileCatalog : database),
  )
}

/** Attaches the remote to this connection; returns the catalog name its tables live in. */
export const attachRemote = (db: Db, target: Exclude<RemoteTarget, { kind: "none" }>, env: NodeJS.ProcessEnv, options: AttachOptions = {}) =>
  target.kind === "file" ? attachFile(db, target.path, options) : attachMotherDuck(db, target.database, env, options)

export const detachRemote = (db: Db, catalog: string) => db.run(`DETACH ${catalog}`).pipe(Effect.ignore)

