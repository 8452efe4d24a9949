import { Schema } from "effect"
import { redactSecrets } from "../sync/redact-secrets.js"

/** This user has no hive to publish to: no MotherDuck token and no hive file named. */
export class NoHiveConfigured extends Schema.TaggedError<NoHiveConfigured>()("NoHiveConfigured", {}) {
  override get message() {
    return "no hive to publish to: run `claude-hive url --set PATH` (a DuckDB file your teammates can read), set CLAUDE_HIVE, or add a MotherDuck token (md:claude_hive)"
  }
}

/** A hive (yours or a subscribed one) cannot be reached now; nothing local changed. */
export class HiveUnreachable extends Schema.TaggedError<HiveUnreachable>()("HiveUnreachable", {
  url: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return redactSecrets(`cannot reach the hive ${this.url}: ${this.reason}`)
  }
}

/** A file named on the command line is not a memory file of this machine. */
export class HiveFileNotFound extends Schema.TaggedError<HiveFileNotFound>()("HiveFileNotFound", {
  file: Schema.String,
}) {
  override get message() {
    return `no memory file matches "${this.file}"; \`claude-hive list\` shows the publishable ones`
  }
}

/** Unsubscribing from something this user does not subscribe to. */
export class NotSubscribed extends Schema.TaggedError<NotSubscribed>()("NotSubscribed", { what: Schema.String }) {
  override get message() {
    return `no subscription matches ${this.what}; \`claude-hive list\` shows them`
  }
}

/** One hive sync per data dir at a time. */
export class HiveSyncBusy extends Schema.TaggedError<HiveSyncBusy>()("HiveSyncBusy", {}) {
  override get message() {
    return "another hive sync of this data dir is running"
  }
}
