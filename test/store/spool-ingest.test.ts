import { it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { AppConfig } from "../../src/config/app-config.js"
import { readEvents } from "../../src/events/event-store.js"
import { readSpool, spoolEvents } from "../../src/events/spool.js"
import { listEntries } from "../../src/entries/entry-queries.js"
import { StoreExtensionsLive } from "../../src/composition/store-extensions-live.js"
import { LocalStore } from "../../src/local-store/local-store.js"
import { logDraft, statusDraft, t0, TestDevice } from "../support/event-builders.js"

const storeIn = (dataDir: string) =>
  LocalStore.Default.pipe(Layer.provide(StoreExtensionsLive), Layer.provide(AppConfig.forTest(dataDir, "alice")))

const tempDataDir = () => mkdtempSync(join(tmpdir(), "csl-data-"))

it.effect("spooled events round-trip whole and in id order", () =>
  Effect.gen(function* () {
    const dir = join(tempDataDir(), "spool")
    const device = new TestDevice("laptop", "alice")
    const [logged] = device.write(t0, logDraft("spooled"))
    const [changed] = device.write(t0 + 5, statusDraft(logged!.id, "resolved", "done"))
    yield* spoolEvents(dir, [changed!, logged!])
    const batch = yield* readSpool(dir)
    expect(batch.events).toEqual([logged, changed])
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([])
  }))

it.effect("the next opening ingests the spool; a crash before cleanup doubles nothing", () => {
  const dataDir = tempDataDir()
  return Effect.gen(function* () {
    const spoolDir = join(dataDir, "spool")
    const device = new TestDevice("laptop", "alice")
    const [logged] = device.write(t0, logDraft("queued while locked"))
    const [changed] = device.write(t0 + 5, statusDraft(logged!.id, "blocked", "waiting on infra"))
    const queued = [logged!, changed!]
    yield* spoolEvents(spoolDir, queued)

    const store = yield* LocalStore
    const first = yield* store.use(({ db }) => Effect.zip(readEvents(db), listEntries(db, {})))
    expect(first[0].map((event) => event.id)).toEqual(queued.map((event) => event.id))
    expect(first[1].map((entry) => [entry.title, entry.status])).toEqual([["queued while locked", "blocked"]])
    expect(readdirSync(spoolDir).filter((name) => name.endsWith(".json"))).toEqual([])

    // As if the process died after committing but before deleting its spool files.
    yield* spoolEvents(spoolDir, queued)
    const second = yield* store.use(({ db }) => Effect.zip(readEvents(db), listEntries(db, {})))
    expect(second).toEqual(first)
  }).pipe(Effect.provide(storeIn(dataDir)))
})

it.effect("a spool file that is not an event is set aside and reported, not deleted", () => {
  const dataDir = tempDataDir()
  return Effect.gen(function* () {
    const spoolDir = join(dataDir, "spool")
    yield* spoolEvents(spoolDir, [])
    writeFileSync(join(spoolDir, "garbage.json"), "{\"half\":")
    yield* (yield* LocalStore).use(() => Effect.void)
    expect(existsSync(join(spoolDir, "unreadable", "garbage.json"))).toBe(true)
    expect(readdirSync(spoolDir).filter((name) => name.endsWith(".json"))).toEqual([])
  }).pipe(Effect.provide(storeIn(dataDir)))
})
