import { Schema } from "effect"

export class InvalidEntryInput extends Schema.TaggedError<InvalidEntryInput>()("InvalidEntryInput", {
  reason: Schema.String,
}) {
  override get message() {
    return this.reason
  }
}

export class EntryNotFound extends Schema.TaggedError<EntryNotFound>()("EntryNotFound", {
  query: Schema.String,
}) {
  override get message() {
    return `no entry matches ${this.query}; run \`claude-session-logger list\` to see ids and titles`
  }
}

const Candidate = Schema.Struct({ short_id: Schema.String, status: Schema.String, title: Schema.String })

export class AmbiguousEntry extends Schema.TaggedError<AmbiguousEntry>()("AmbiguousEntry", {
  query: Schema.String,
  candidates: Schema.Array(Candidate),
}) {
  override get message() {
    const shown = this.candidates.slice(0, 10).map((entry) => `${entry.short_id} [${entry.status}] ${entry.title}`)
    const more = this.candidates.length > 10 ? `; and ${this.candidates.length - 10} more` : ""
    return `${this.candidates.length} entries match ${this.query}: ${shown.join("; ")}${more} — use --id with one of these ids`
  }
}
