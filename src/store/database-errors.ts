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
    return `the database ${this.path} failed: ${this.reason}`
  }
}
