import { it } from "@effect/vitest"
import { Effect } from "effect"
import { existsSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { newestEventId } from "../../src/events/event-store.js"
import { readEntriesReadModel } from "../../src/snapshot/entries-read-model.js"
import { refreshEntriesReadModel } from "../../src/snapshot/refresh-entries-read-model.js"
import { logDraft, t0, TestDevice } from "../support/event-builders.js"
import { deliver, withMemoryDb } from "../support/memory-db.js"

it.effect("the entries read model is kept up to its limit and removed past it (the note commands then use the full CLI)", () =>
  Effect.gen(function* () {
    const path = join(mkdtempSync(join(tmpdir(), "csl-read-model-")), "entries-read-model.jsonl")
    const device = new TestDevice("laptop", "alice")
    yield* withMemoryDb((db) =>
      Effect.gen(function* () {
        yield* deliver(db, [...device.write(t0, logDraft("one")), ...device.write(t0 + 1, logDraft("two"))])
        yield* refreshEntriesReadModel(db, path, yield* newestEventId(db), 2)
        expect(readEntriesReadModel(path)?.entries.map((entry) => entry.title)).toEqual(["two", "one"])

        yield* deliver(db, device.write(t0 + 2, logDraft("three")))
        yield* refreshEntriesReadModel(db, path, yield* newestEventId(db), 2)
        expect(existsSync(path)).toBe(false)
      })
    )
  }))
