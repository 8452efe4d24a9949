import { Schema } from "effect"

export class SessionNotFound extends Schema.TaggedError<SessionNotFound>()("SessionNotFound", {
  query: Schema.String,
}) {
  override get message() {
    return `no recorded session matches ${this.query}; run \`claude-session-logger sessions\` to see ids, or \`backfill\` to record past sessions`
  }
}

export class AmbiguousSession extends Schema.TaggedError<AmbiguousSession>()("AmbiguousSession", {
  query: Schema.String,
  candidates: Schema.Array(Schema.Struct({ session_id: Schema.String, title: Schema.NullOr(Schema.String) })),
}) {
  override get message() {
    const shown = this.candidates.slice(0, 10).map((session) => `${session.session_id} (${session.title ?? "untitled"})`)
    return `${this.candidates.length} sessions start with ${this.query}: ${shown.join("; ")} — give more of the id`
  }
}
