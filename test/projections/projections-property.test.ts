import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { StoredEvent } from "../../src/events/stored-event.js"
import { rebuildProjections } from "../../src/projections/projector.js"
import { statuses } from "../../src/events/entry-vocabulary.js"
import { logDraft, sessionDraft, statusDraft, t0, TestDevice, usage, watermarkDraft } from "../support/event-builders.js"
import { deliver, dumpProjections, memorySession, withMemoryDb } from "../support/memory-db.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

const Action = fc.record({
  kind: fc.constantFrom("log", "change", "change", "watermark", "session"),
  device: fc.nat(3),
  target: fc.nat(20),
  status: fc.constantFrom(...statuses),
  note: fc.option(fc.string({ minLength: 1, maxLength: 12 }).map((text) => text.trim()).filter((text) => text !== ""), { nil: null }),
  advanceMs: fc.integer({ min: 0, max: 120_000 }),
  syncAll: fc.boolean(),
})

/** Plays random actions on four devices with clocks up to an hour apart; returns every event. */
const play = (actions: ReadonlyArray<typeof Action extends fc.Arbitrary<infer A> ? A : never>): ReadonlyArray<StoredEvent> => {
  const devices = [-3_600_000, 0, 1_800_000, -600_000].map((offset, index) =>
    new TestDevice(`device-${index}`, ["alice", "bob", "carol", "dave"][index]!, offset)
  )
  const all: Array<StoredEvent> = []
  const entries: Array<StoredEvent> = []
  let now = t0
  for (const action of actions) {
    now += action.advanceMs
    const device = devices[action.device]!
    const entry = entries[action.target % Math.max(1, entries.length)]
    let written: ReadonlyArray<StoredEvent> = []
    if (action.kind === "log" || entry === undefined) {
      written = device.write(now, logDraft(`entry ${all.length}`, "issue", "open"))
      entries.push(...written)
    } else if (action.kind === "change") {
      device.sees([entry]) // one cannot change what one has not seen
      written = device.write(now, statusDraft(entry.id, action.status, action.note))
    } else if (action.kind === "watermark") {
      written = device.write(now, watermarkDraft(device.actor, entry.id))
    } else {
      written = device.write(now, sessionDraft(`session-${action.target % 5}`, `title ${all.length}`, [usage("claude-opus-4-6", action.advanceMs, 7, 0.5)]))
    }
    all.push(...written)
    if (action.syncAll) for (const other of devices) other.sees(all)
  }
  return all
}

describe("projections are a deterministic fold", () => {
  it(`incremental in any order, twice delivered, equals one in-order fold and a rebuild (seed=${seed})`, async () => {
    console.log(`projections-property seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    await fc.assert(
      fc.asyncProperty(
        fc.array(Action, { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (actions, randomness) => {
          const events = play(actions)
          const random = randomness[Symbol.iterator]()
          const next = () => random.next().value as number
          const shuffled = [...events].sort(() => next() - 0.5)
          const batches: Array<ReadonlyArray<StoredEvent>> = []
          for (let start = 0; start < shuffled.length;) {
            const size = 1 + Math.floor(next() * 5)
            batches.push(shuffled.slice(start, start + size))
            start += size
          }
          const inOrder = [...events].sort((a, b) => (a.id < b.id ? -1 : 1))

          const reference = await Effect.runPromise(withMemoryDb((db) =>
            deliver(db, inOrder).pipe(Effect.zipRight(dumpProjections(db)))
          ))
          const [incremental, rebuilt] = await Effect.runPromise(withMemoryDb((db) =>
            Effect.gen(function* () {
              for (const batch of [...batches, ...batches]) yield* deliver(db, batch)
              const afterDelivery = yield* dumpProjections(db)
              yield* db.transaction(rebuildProjections(db))
              return [afterDelivery, yield* dumpProjections(db)] as const
            })
          ))
          expect(incremental).toEqual(reference)
          expect(rebuilt).toEqual(reference)
        },
      ),
      { seed, numRuns: 30 },
    )
  })

  it(`events made here fold from their known form as a rebuild folds them, among events delivered from elsewhere (seed=${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Action, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(30), { maxLength: 8 }), async (actions, appendAfter) => {
        const events = play(actions)
        const [appended, rebuilt] = await Effect.runPromise(withMemoryDb((db) =>
          Effect.gen(function* () {
            const here = memorySession(db)
            for (const [index, event] of events.entries()) {
              yield* deliver(db, [event])
              if (!appendAfter.includes(index)) continue
              // Same sessions and entries as the delivered events: each entity holds known and read events.
              yield* here.append([
                sessionDraft(`session-${index % 5}`, `made here ${index}`, [usage("claude-opus-4-6", index, 3, 0.25)]),
                ...(event.type === "EntryLogged" ? [statusDraft(event.id, "resolved", `here ${index}`)] : []),
              ])
            }
            const afterAppends = yield* dumpProjections(db)
            yield* db.transaction(rebuildProjections(db))
            return [afterAppends, yield* dumpProjections(db)] as const
          })
        ))
        expect(appended).toEqual(rebuilt)
      }),
      { seed, numRuns: 30 },
    )
  })
})
