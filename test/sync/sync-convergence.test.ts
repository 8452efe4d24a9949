import { Clock, Effect, Layer, ManagedRuntime } from "effect"
import fc from "fast-check"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { AppConfig } from "../../src/config/app-config.js"
import { StoreExtensionsLive } from "../../src/composition/store-extensions-live.js"
import { Entries } from "../../src/entries/entries-service.js"
import { statuses } from "../../src/events/entry-vocabulary.js"
import { readEvents } from "../../src/events/event-store.js"
import { LocalStore } from "../../src/local-store/local-store.js"
import { push, remoteEventsDdl } from "../../src/sync/exchange.js"
import { attachRemote, detachRemote } from "../../src/sync/remote-connection.js"
import { Sync } from "../../src/sync/sync-service.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** A clock `offsetMs` away from the real one: a device whose time is wrong. */
const skewedClock = (offsetMs: number): Clock.Clock => {
  const real = Clock.make()
  const millis = () => real.unsafeCurrentTimeMillis() + offsetMs
  const nanos = () => real.unsafeCurrentTimeNanos() + BigInt(offsetMs) * 1_000_000n
  return { ...real, unsafeCurrentTimeMillis: millis, currentTimeMillis: Effect.sync(millis), unsafeCurrentTimeNanos: nanos, currentTimeNanos: Effect.sync(nanos) }
}

type Services = Entries | Sync | LocalStore | AppConfig

const makeDevice = (index: number, offsetMs: number, remote: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), `csl-device-${index}-`))
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(Entries.Default, Sync.Default, LocalStore.Default).pipe(
      Layer.provide(StoreExtensionsLive),
      Layer.provideMerge(AppConfig.forTest(dataDir, `person-${index}`)),
    ),
  )
  const run = <A, E>(effect: Effect.Effect<A, E, Services>) => runtime.runPromise(effect.pipe(Effect.withClock(skewedClock(offsetMs))))
  return {
    runtime,
    run,
    sync: () => run(Sync.pipe(Effect.flatMap((sync) => sync.sync(remote)))),
    /** A sync cut short after its push (it pushes, then pulls). */
    pushOnly: () =>
      run(LocalStore.pipe(Effect.flatMap((store) =>
        store.use(({ db }) =>
          attachRemote(db, { kind: "file", path: remote }, {}).pipe(
            Effect.flatMap((catalog) =>
              db.run(remoteEventsDdl(catalog)).pipe(Effect.zipRight(push(db, catalog, { syncPromptTitles: true })), Effect.ensuring(detachRemote(db, catalog)))
            ),
          )
        )
      ))),
    entries: () => run(Entries.pipe(Effect.flatMap((entries) => entries.list({ projects: { _tag: "All" } })))),
    /** Ids of the events this device holds about one entry. */
    eventIdsOf: (entryId: string) =>
      run(LocalStore.pipe(Effect.flatMap((store) => store.use(({ db }) => readEvents(db, { entityIds: [entryId] }))))).then((events) =>
        events.map((event) => event.id)
      ),
  }
}

const Action = fc.record({
  kind: fc.constantFrom("log", "change", "change", "sync", "sync", "push-only"),
  device: fc.nat(4),
  pick: fc.nat(50),
  status: fc.constantFrom(...statuses),
})

describe("sync converges", () => {
  // Each run opens a few hundred stores; give it room.
  it(`2–5 devices, skewed clocks, random actions and sync orders: identical tables, causal order kept (seed=${seed})`, async () => {
    console.log(`sync-convergence seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 5, maxLength: 5 }),
        fc.array(Action, { minLength: 4, maxLength: 14 }),
        fc.array(fc.nat(4), { minLength: 5, maxLength: 10 }),
        async (deviceCount, offsets, actions, finalOrder) => {
          const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
          const devices = Array.from({ length: deviceCount }, (_, index) => makeDevice(index, offsets[index] ?? 0, remote))
          try {
            for (const action of actions) {
              const device = devices[action.device % deviceCount]!
              if (action.kind === "log") {
                await device.run(Entries.pipe(Effect.flatMap((entries) => entries.log({ category: "issue", title: `entry ${action.pick}` }))))
              } else if (action.kind === "change") {
                const known = await device.entries()
                const entry = known[action.pick % Math.max(1, known.length)]
                if (entry === undefined) continue
                const before = await device.eventIdsOf(entry.id)
                await device.run(Entries.pipe(Effect.flatMap((entries) => entries.changeStatus({ _tag: "ById", id: entry.id }, action.status, undefined))))
                const after = await device.eventIdsOf(entry.id)
                const made = after.filter((id) => !before.includes(id))
                // A change made after seeing the entry's events sorts after all of them, whatever this clock says.
                expect(made).toHaveLength(1)
                for (const seen of before) expect(made[0]! > seen, `${made[0]} after ${seen}`).toBe(true)
              } else if (action.kind === "sync") {
                await device.sync()
              } else {
                await device.pushOnly()
              }
            }
            // Syncs in a random order, then two full rounds: the first pushes everything left, the second pulls it.
            for (const index of [...finalOrder, ...devices.keys(), ...devices.keys()]) await devices[index % deviceCount]!.sync()
            const tables = await Promise.all(devices.map((device) => device.entries()))
            for (const table of tables.slice(1)) expect(table).toEqual(tables[0])
            const again = await Promise.all(devices.map((device) => device.sync()))
            for (const result of again) expect(result).toMatchObject({ pushed: 0, pulled: 0 })
          } finally {
            await Promise.all(devices.map((device) => device.runtime.dispose()))
          }
        },
      ),
      { seed, numRuns: 12 },
    )
  }, 300_000)
})
