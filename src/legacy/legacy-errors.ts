import { Schema } from "effect"

/** `import-legacy --from FILE` named something that holds none of the original's data. */
export class LegacySourceUnusable extends Schema.TaggedError<LegacySourceUnusable>()("LegacySourceUnusable", {
  source: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `cannot import from ${this.source}: ${this.reason}`
  }
}
