import { Schema } from "effect"

export class SetupDeclined extends Schema.TaggedError<SetupDeclined>()("SetupDeclined", {
  reason: Schema.String,
}) {
  override get message() {
    return this.reason
  }
}

export class ChecksFailed extends Schema.TaggedError<ChecksFailed>()("ChecksFailed", {
  failed: Schema.Number,
  total: Schema.Number,
}) {
  override get message() {
    return `${this.failed} of ${this.total} checks failed (see above)`
  }
}

/** A file or folder setup must change could not be changed (permissions, a full disk …). */
export class SetupFileFailed extends Schema.TaggedError<SetupFileFailed>()("SetupFileFailed", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `cannot change ${this.path}: ${this.reason}`
  }
}
