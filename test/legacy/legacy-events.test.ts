import { describe, expect, it } from "vitest"
import { decodeAll } from "../../src/projections/decoded-events.js"
import { type EntryEvent, foldEntries } from "../../src/projections/log-entries-fold.js"
import { foldSessions } from "../../src/projections/sessions-fold.js"
import { isOf } from "../../src/projections/decoded-events.js"
import { legacyEvents } from "../../src/legacy/legacy-events.js"
import type { LegacyData, LegacyEntryRow, LegacySessionRow } from "../../src/legacy/legacy-rows.js"

const device = { deviceId: "device-a", reader: "alice" }

const entry = (overrides: Partial<LegacyEntryRow> = {}): LegacyEntryRow => ({
  id: "b045dd70-1111-4222-8333-444455556666",
  session_id: null,
  logged_at: "2025-03-01 08:00:00.123456",
  category: "issue",
  status: "resolved",
  title: "Refunds double-counted",
  body: "seen twice\n\n[2025-03-02 bob → resolved] fixed in PR #42",
  updated_at: "2025-03-02T09:30:00Z",
  created_by: "alice",
  updated_by: "bob",
  project: "shop",
  ...overrides,
})

const session = (overrides: Partial<LegacySessionRow> = {}): LegacySessionRow => ({
  session_id: "7f3c0a51-2b9e-4c1d-9f00-3d2e8a41c0de",
  project: "shop", cwd: "/code/shop", session_date: "2025-03-01", started_at: "2025-03-01T09:00:00Z", ended_at: "2025-03-01T09:41:00Z",
  duration_min: 41, models: "claude-opus-4-6", input_tokens: 100, output_tokens: 200, cache_write_tokens: 300, cache_read_tokens: 400,
  cost_usd: 1.25, message_count: 4, tool_call_count: 1, skills_used: "writing-plans", git_branch: "main", cc_version: "2.1.3",
  title: "Coupons", session_type: "planning", created_by: "alice",
  ...overrides,
})

const data = (overrides: Partial<LegacyData>): LegacyData => ({ entries: [], sessions: [], models: [], inboxWatermark: null, ...overrides })

const foldedEntries = (events: ReturnType<typeof legacyEvents>["events"]) =>
  foldEntries(decodeAll(events).filter(isOf("EntryLogged", "EntryStatusChanged", "LegacyEntryUpdated")) as ReadonlyArray<EntryEvent>)

describe("legacy rows → events (pure)", () => {
  it("gives the same events, ids included, every time: two devices import one copy", () => {
    const rows = data({ entries: [entry()], sessions: [session()], inboxWatermark: "2025-03-02 10:00:00" })
    const shared = (deviceId: string) => legacyEvents(rows, { deviceId, reader: "alice" }).events.filter((event) => event.type !== "InboxWatermarkAdvanced")
    expect(shared("device-a")).toHaveLength(3)
    expect(shared("device-a")).toEqual(shared("device-b"))
    const [logged, updated] = legacyEvents(data({ entries: [entry()] }), device).events
    expect(logged?.id.slice(0, 10)).not.toEqual(updated?.id.slice(0, 10))
    expect((logged?.id ?? "") < (updated?.id ?? "")).toBe(true)
  })

  it("folds a changed entry to the original's values: status, body, who and when (naive times are UTC)", () => {
    const rows = foldedEntries(legacyEvents(data({ entries: [entry()] }), device).events)
    expect(rows.get("b045dd70-1111-4222-8333-444455556666")).toMatchObject({
      category: "issue", status: "resolved", title: "Refunds double-counted", body: entry().body, project: "shop",
      logged_at: "2025-03-01T08:00:00.123Z", updated_at: "2025-03-02T09:30:00.000Z", created_by: "alice", updated_by: "bob",
    })
  })

  it("makes a later change in the original a new event, and the same change imported again the same one", () => {
    const first = legacyEvents(data({ entries: [entry()] }), device).events
    const reopened = legacyEvents(data({ entries: [entry({ status: "open", updated_at: "2025-03-05T10:00:00Z", updated_by: "carol" })] }), device).events
    expect(reopened[0]).toEqual(first[0])
    expect(reopened[1]?.id).not.toEqual(first[1]?.id)
    expect(foldedEntries([...first, ...reopened]).get(entry().id)).toMatchObject({ status: "open", updated_by: "carol" })
  })

  it("keeps a change whose time is before the logging (clock trouble) after it", () => {
    const rows = foldedEntries(legacyEvents(data({ entries: [entry({ updated_at: "2025-02-01T00:00:00Z" })] }), device).events)
    expect(rows.get(entry().id)?.status).toBe("resolved")
  })

  it("skips rows it cannot read, saying why, and converts the rest", () => {
    const result = legacyEvents(data({ entries: [entry({ id: "not-a-uuid" }), entry({ logged_at: null, updated_at: null })] }), device)
    expect(result.events).toEqual([])
    expect(result.skipped).toEqual(['log entry "not-a-uuid": its id is not a UUID', `log entry ${entry().id}: no logged_at time`])
  })

  it("keeps a session's totals without model rows, its usage in the hour it ended", () => {
    const events = decodeAll(legacyEvents(data({ sessions: [session()] }), device).events).filter(isOf("SessionRecorded"))
    const { hourly, sessions } = foldSessions(events)
    expect(sessions[0]).toMatchObject({ input_tokens: 100, output_tokens: 200, cache_write_tokens: 300, cache_read_tokens: 400, total_tokens: 1000, cost_usd: 1.25, models: "claude-opus-4-6" })
    expect(hourly.map((row) => row.hour)).toEqual(["2025-03-01T09:00:00Z"])
  })
})
