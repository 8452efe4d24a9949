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
