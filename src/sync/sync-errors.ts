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
