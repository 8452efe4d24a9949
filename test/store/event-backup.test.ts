import { it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { readEvents } from "../../src/events/event-store.js"
import { backupEventLog, listBackups } from "../../src/events/event-log-backup.js"
import { restoreNewestBackup } from "../../src/local-store/store-recovery.js"
import { deliver, dumpProjections, memorySession, withMemoryDb } from "../support/memory-db.js"
import { logDraft, statusDraft, t0, TestDevice } from "../support/event-builders.js"

it.effect("a backup restores the same events and the same tables; a damaged newer generation is skipped", () =>
  Effect.gen(function* () {
    const dir = join(mkdtempSync(join(tmpdir(), "csl-backup-")), "backups")
    const device = new TestDevice("laptop", "alice")
    const [logged] = device.write(t0, logDraft("kept in the backup"))
    const [changed] = device.write(t0 + 5, statusDraft(logged!.id, "resolved", "done"))

    const original = yield* withMemoryDb((db) =>
      Effect.gen(function* () {
        yield* deliver(db, [logged!, changed!])
        yield* backupEventLog(db, dir)
        yield* backupEventLog(db, dir) // unchanged log: no second generation
        return { events: yield* readEvents(db), tables: yield* dumpProjections(db) }
      })
    )
    expect(readdirSync(dir).filter((name) => name.endsWith(".parquet"))).toHaveLength(1)
    writeFileSync(join(dir, "events-ZZZ-9.parquet"), "not parquet") // the newest generation, damaged

    const restored = yield* withMemoryDb((db) =>
      Effect.gen(function* () {
        const outcome = yield* restoreNewestBackup(memorySession(db), dir)
        return { outcome, events: yield* readEvents(db), tables: yield* dumpProjections(db) }
      })
    )
    expect(restored.events).toEqual(original.events)
    expect(restored.tables).toEqual(original.tables)
    expect(restored.outcome).toMatchObject({ kind: "restored", counts: { shared: 2, local: 0, newest: changed!.id } })
    expect(restored.outcome.unreadable).toEqual([join(dir, "events-ZZZ-9.parquet")])
    expect(listBackups(dir)[0]).toBe(join(dir, "events-ZZZ-9.parquet"))
  }))

it.effect("a log past the large-log size gets a new generation only once the newest is old enough", () =>
  Effect.gen(function* () {
    const dir = join(mkdtempSync(join(tmpdir(), "csl-backup-")), "backups")
    const device = new TestDevice("laptop", "alice")
    const throttle = { events: 2, everyMs: 10 * 60_000 }
    yield* withMemoryDb((db) =>
      Effect.gen(function* () {
        const [first] = device.write(t0, logDraft("one"))
        yield* deliver(db, [first!, ...device.write(t0 + 1, logDraft("two"))])
        yield* backupEventLog(db, dir, throttle)
        expect(listBackups(dir)).toHaveLength(1) // at the limit, not past it: backed up as any change is

        yield* deliver(db, device.write(t0 + 2, logDraft("three")))
        yield* backupEventLog(db, dir, throttle)
        expect(listBackups(dir)).toHaveLength(1) // past it, and the newest generation is fresh

        const aged = (Date.now() - 11 * 60_000) / 1000
        utimesSync(listBackups(dir)[0]!, aged, aged)
        yield* backupEventLog(db, dir, throttle)
        expect(listBackups(dir)).toHaveLength(2)
        expect(listBackups(dir)[0]).toMatch(/-3\.parquet$/)
      })
    )
  }))
