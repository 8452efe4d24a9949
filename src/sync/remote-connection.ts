import { Effect, Schema } from "effect"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { retryWhileLocked } from "../store/lock-retry.js"
import { resolveToken, tokenFromFile } from "./motherduck-token.js"
import type { RemoteTarget } from "./remote-target.js"
import { RemoteDamaged, RemoteUnavailable } from "./sync-errors.js"

const fileCatalog = "csl_remote"
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`

/** Another device holds the shared file right now: worth a bounded wait. */
class RemoteBusy extends Schema.TaggedError<RemoteBusy>()("RemoteBusy", {}) {}

const reasonOf = (error: DatabaseFailed) => error.reason.replace(/ \(in: .*\)$/s, "")

// DuckDB's words for a file that is not (or no longer) a database it can open.
const isDamaged = (reason: string) => /not a valid DuckDB database file|Is a directory|corrupt|checksum|truncated/i.test(reason)

const attachFile = (db: Db, path: string) =>
  db.run(`ATTACH ${sqlString(path)} AS ${fileCatalog}`).pipe(
    Effect.catchTag("DatabaseFailed", (error): Effect.Effect<never, RemoteBusy | RemoteUnavailable | RemoteDamaged> =>
      /Could not set lock|Conflicting lock/i.test(error.reason)
        ? Effect.fail(new RemoteBusy())
        : isDamaged(error.reason)
        ? Effect.fail(new RemoteDamaged({ remote: path, reason: reasonOf(error).replace(/^IO Error: /, "") }))
        : Effect.fail(new RemoteUnavailable({ remote: path, reason: reasonOf(error) }))),
    Effect.retry({ schedule: retryWhileLocked("10 seconds"), while: (error) => error._tag === "RemoteBusy" }),
    Effect.catchTag("RemoteBusy", () =>
      Effect.fail(new RemoteUnavailable({ remote: path, reason: "another device has kept it busy for 10 s" }))),
    Effect.as(fileCatalog),
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
const attachMotherDuck = (db: Db, database: string, env: NodeJS.ProcessEnv) => {
  const remote = `md:${database}`
  const token = resolveToken(env)
  if (token === undefined) {
    return Effect.fail(new RemoteUnavailable({ remote, reason: "no MotherDuck token (motherduck_token, MOTHERDUCK_TOKEN or ~/.config/motherduck/token)" }))
  }
  const attachWith = (value: string) => withTokenForDuckDb(value, db.run(`ATTACH 'md:'`))
  const fileToken = tokenFromFile(env)
  return attachWith(token.token).pipe(
    Effect.catchTag("DatabaseFailed", (error) =>
      token.source !== "token file" && fileToken !== undefined && fileToken.token !== token.token &&
        /token|auth|unauthori[sz]ed|forbidden|401|403/i.test(error.reason)
        ? attachWith(fileToken.token)
        : Effect.fail(error)),
    Effect.zipRight(db.run(`CREATE DATABASE IF NOT EXISTS ${database}`)),
    Effect.mapError((error) => unreachable(remote, error)),
    Effect.as(database),
  )
}

/** Attaches the remote to this connection; returns the catalog name its tables live in. */
export const attachRemote = (db: Db, target: Exclude<RemoteTarget, { kind: "none" }>, env: NodeJS.ProcessEnv) =>
  target.kind === "file" ? attachFile(db, target.path) : attachMotherDuck(db, target.database, env)

export const detachRemote = (db: Db, catalog: string) => db.run(`DETACH ${catalog}`).pipe(Effect.ignore)

