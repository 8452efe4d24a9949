import { Option } from "effect"
import { describe, expect, it } from "vitest"
import type { Decoded } from "../../src/projections/decoded-events.js"
import { decodeAll } from "../../src/projections/decoded-events.js"
import { type EntryEvent, foldEntries } from "../../src/projections/log-entries-fold.js"
import type { StoredEvent } from "../../src/events/stored-event.js"
import { decodeStoredEvent } from "../../src/events/stored-event.js"
import { logDraft, statusDraft, t0, TestDevice } from "../support/event-builders.js"

const entryEvents = (events: ReadonlyArray<StoredEvent>) =>
  decodeAll(events).filter((decoded): decoded is EntryEvent =>
    decoded.event._tag === "EntryLogged" || decoded.event._tag === "EntryStatusChanged"
  )

const alice = () => new TestDevice("laptop", "alice")
const bob = () => new TestDevice("desktop", "bob")

describe("log_entries fold: given events, then rows", () => {
  it("a logged entry starts with its category's status and its author as last changer", () => {
    const [logged] = alice().write(t0, logDraft("Flaky login test"))
    const row = foldEntries(entryEvents([logged!])).get(logged!.id)
    expect(row).toMatchObject({ title: "Flaky login test", status: "open", created_by: "alice", updated_by: "alice", last_event_id: logged!.id })
  })

  it("a later status change wins and appends its note to the body", () => {
    const device = alice()
    const [logged] = device.write(t0, logDraft("Flaky", "issue", "open", "fails on CI"))
    const changes = device.write(t0 + 1000, statusDraft(logged!.id, "resolved", "fixed the race"), statusDraft(logged!.id, "open"))
    const row = foldEntries(entryEvents([logged!, ...changes])).get(logged!.id)
    expect(row?.status).toBe("open")
    expect(row?.body).toBe("fails on CI\n\n[2026-11-21 alice → resolved] fixed the race")
    expect(row?.last_event_id).toBe(changes[1]!.id)
  })

  it("a change by another person records them as the last changer", () => {
    const [logged] = alice().write(t0, logDraft("Flaky"))
    const other = bob()
    other.sees([logged!])
    const [resolved] = other.write(t0 - 60 * 60 * 1000, statusDraft(logged!.id, "resolved"))
    const row = foldEntries(entryEvents([logged!, resolved!])).get(logged!.id)
    expect(row).toMatchObject({ status: "resolved", updated_by: "bob", created_by: "alice" })
  })

  it("a status change that sorts before its entry was logged is ignored", () => {
    const [logged] = alice().write(t0, logDraft("Flaky"))
    const [early] = new TestDevice("x", "carol").write(t0 - 10_000, statusDraft(logged!.id, "blocked"))
    const rows = foldEntries(entryEvents([early!, logged!]))
    expect(rows.get(logged!.id)?.status).toBe("open")
  })

  it("events of a newer client version are kept but not folded", () => {
    const [logged] = alice().write(t0, logDraft("Flaky"))
    const future: StoredEvent = { ...logged!, version: 99 }
    expect(Option.isNone(decodeStoredEvent(future))).toBe(true)
    expect(decodeAll([future])).toEqual([] satisfies ReadonlyArray<Decoded>)
  })
})
