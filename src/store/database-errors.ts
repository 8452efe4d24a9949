import { Schema } from "effect"

export class DatabaseLocked extends Schema.TaggedError<DatabaseLocked>()("DatabaseLocked", {
  path: Schema.String,
}) {
  override get message() {
    return `the database ${this.path} is in use by another process; try again in a moment`
  }
}

export class DatabaseFailed extends Schema.TaggedError<DatabaseFailed>()("DatabaseFailed", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    // DuckDB's words for it run to a line and a half and name a statement the user never wrote.
    return /No space left on device/i.test(this.reason)
      ? `the disk holding ${this.path} is full: nothing was written; free some space and run the command again`
      : `the database ${this.path} failed: ${this.reason}`
  }
}

/** The store cannot be opened and waiting will not help: the file (or the data dir) is damaged. */
export class StoreDamaged extends Schema.TaggedError<StoreDamaged>()("StoreDamaged", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `${this.path} is damaged (${this.reason}); run \`claude-session-logger recover\` to set it aside and rebuild the store from its backups, the remote, the transcripts and the spool`
  }
}

// DuckDB's words for a file that is not, or no longer, a whole database.
const damageSigns = /not a valid DuckDB database file|Could not read enough bytes|corrupt|checksum|Serialization Error|truncated/i

/** A DatabaseFailed that no retry can cure becomes StoreDamaged, so the user is told about `recover`. */
export const damagedIfBroken = (error: DatabaseFailed): DatabaseFailed | StoreDamaged =>
  damageSigns.test(error.reason)
    ? new StoreDamaged({ path: error.path, reason: error.reason.replace(/ \(in: .*\)$/s, "").replace(/^IO Error: /, "") })
    : error
