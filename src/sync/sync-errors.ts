import { Schema } from "effect"
import { redactSecrets } from "./redact-secrets.js"

export class NoRemoteConfigured extends Schema.TaggedError<NoRemoteConfigured>()("NoRemoteConfigured", {}) {
  override get message() {
    return "no remote to sync with: pass --remote PATH (a shared DuckDB file) or md:claude_sessions, set CLAUDE_LOGGER_REMOTE, or add a MotherDuck token"
  }
}

/** The remote cannot be reached now (offline, no extension, bad token): events stay queued. */
export class RemoteUnavailable extends Schema.TaggedError<RemoteUnavailable>()("RemoteUnavailable", {
  remote: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return redactSecrets(`cannot reach ${this.remote}: ${this.reason}; local data is unaffected and changes stay queued for the next sync`)
  }
}

/** The remote file is there but is not a DuckDB database: retrying cannot help, a person must act. */
export class RemoteDamaged extends Schema.TaggedError<RemoteDamaged>()("RemoteDamaged", {
  remote: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return redactSecrets(
      `the remote ${this.remote} is damaged (${this.reason}); retrying will not help: restore the file from a backup, or pass --remote with the right file; local data is unaffected`,
    )
  }
}

/** One sync per data dir at a time; a second one started meanwhile has nothing to add. */
export class SyncBusy extends Schema.TaggedError<SyncBusy>()("SyncBusy", {}) {
  override get message() {
    return "another sync of this data dir is running"
  }
}
