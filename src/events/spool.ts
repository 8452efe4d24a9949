import { Effect, Either, Schema } from "effect"
import { mkdirSync, renameSync, unlinkSync } from "node:fs"
import { join } from "node:path"
import { spooledFileNames, spooledFileText, writeSpoolFiles } from "./spool-files.js"
import { StoredEvent } from "./stored-event.js"

export class SpoolFailed extends Schema.TaggedError<SpoolFailed>()("SpoolFailed", {
  dir: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `could not queue the event in ${this.dir}: ${this.reason}`
  }
}

/** Queues events that could not reach the database in time, durably (spool-files.ts). */
export const spoolEvents = (dir: string, events: ReadonlyArray<StoredEvent>): Effect.Effect<void, SpoolFailed> =>
  Effect.try({
    try: () => writeSpoolFiles(dir, events),
    catch: (cause) => new SpoolFailed({ dir, reason: cause instanceof Error ? cause.message : String(cause) }),
  })

export interface SpooledBatch {
  readonly events: ReadonlyArray<StoredEvent>
  readonly files: ReadonlyArray<string>
  /** Files that are not an event (disk damage, a foreign file): set aside, never deleted. */
  readonly unreadable: ReadonlyArray<string>
}

const decodeSpooled = Schema.decodeUnknownEither(Schema.parseJson(StoredEvent))

/** Whatever is queued right now; files renamed in after this call are picked up next time. */
export const readSpool = (dir: string): Effect.Effect<SpooledBatch> =>
  Effect.sync(() => {
    const events: Array<StoredEvent> = []
    const files: Array<string> = []
    const unreadable: Array<string> = []
    for (const name of spooledFileNames(dir)) {
      const path = join(dir, name)
      const content = spooledFileText(path)
      if (content === undefined) continue // ingested and removed by another process meanwhile
      Either.match(decodeSpooled(content), {
        onLeft: () => unreadable.push(path),
        onRight: (event) => {
          events.push(event)
          files.push(path)
        },
      })
    }
    return { events, files, unreadable }
  })

/** After the batch is committed: remove its files and set the unreadable ones aside. */
export const clearSpool = (dir: string, batch: SpooledBatch): Effect.Effect<void> =>
  Effect.sync(() => {
    for (const file of batch.files) {
      try {
        unlinkSync(file)
      } catch {
        // Already gone: ingest is idempotent, so a second remover changes nothing.
      }
    }
    if (batch.unreadable.length === 0) return
    const aside = join(dir, "unreadable")
    mkdirSync(aside, { recursive: true })
    for (const file of batch.unreadable) {
      try {
        renameSync(file, join(aside, file.slice(dir.length + 1)))
      } catch {
        // Moved by another process already.
      }
    }
  })
