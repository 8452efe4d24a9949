import { Schema } from "effect"

export class MemoryFileNotFound extends Schema.TaggedError<MemoryFileNotFound>()("MemoryFileNotFound", {
  fragment: Schema.String,
  projectKey: Schema.String,
}) {
  override get message() {
    return `no memory file of project ${this.projectKey} matches "${this.fragment}"; run \`claude-memory-sync search\` or pass --project-key`
  }
}

export class AmbiguousMemoryFile extends Schema.TaggedError<AmbiguousMemoryFile>()("AmbiguousMemoryFile", {
  fragment: Schema.String,
  names: Schema.Array(Schema.String),
}) {
  override get message() {
    return `${this.names.length} memory files match "${this.fragment}": ${this.names.join(", ")} — give more of the name`
  }
}

export class MemorySyncOff extends Schema.TaggedError<MemorySyncOff>()("MemorySyncOff", { configFile: Schema.String }) {
  override get message() {
    return `memory sync is off ("memory": false in ${this.configFile}); remove that key to turn it on`
  }
}
