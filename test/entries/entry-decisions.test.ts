import { Either } from "effect"
import { describe, expect, it } from "vitest"
import {
  decideInboxRead,
  decideLog,
  decideStatusChange,
  type EntrySelector,
  lookupFor,
  type MatchedEntry,
} from "../../src/entries/entry-decisions.js"
import type { DomainEvent } from "../../src/events/domain-event.js"
import type { EventDraft } from "../../src/events/stamp-events.js"
import { EventId } from "../../src/events/ids.js"

// The note commands' rules, decided without a store: given what the store holds, when a command
// comes, then these events (or this error).

const id = EventId.make("01KB0000000000000000000001")
const eventOf = (draft: EventDraft): DomainEvent => draft(id)
const entry = (shortId: string, title: string): MatchedEntry => ({ id: `01KB00000000000000${shortId}`, short_id: shortId, status: "open", title })
const byId = (text: string): EntrySelector => ({ _tag: "ById", id: text })
const byTitle = (words: string): EntrySelector => ({ _tag: "ByTitle", words })

describe("logging an entry", () => {
  it.each([
    ["issue", "open"],
    ["finding", "open"],
    ["task", "open"],
    ["decision", "info"],
    ["note", "info"],
  ] as const)("a new %s starts %s unless a status is given", (category, expected) => {
    const decided = Either.getOrThrow(decideLog({ category, title: "T", sessionId: null, project: "shop" }))
    expect(decided.status).toBe(expected)
    expect(eventOf(decided.draft)).toMatchObject({ _tag: "EntryLogged", status: expected, category })
    const given = Either.getOrThrow(decideLog({ category, status: "blocked", title: "T", sessionId: null, project: "shop" }))
    expect(given.status).toBe("blocked")
  })

  it("keeps the title trimmed, an empty body, and no session for a blank one", () => {
    const decided = Either.getOrThrow(decideLog({ category: "issue", title: "  Flaky login  ", sessionId: "  ", project: null }))
    expect(eventOf(decided.draft)).toEqual({
      _tag: "EntryLogged",
      entryId: id,
      category: "issue",
      status: "open",
      title: "Flaky login",
      body: "",
      sessionId: null,
      project: null,
    })
  })

  it("refuses a blank title with one line and logs nothing", () => {
    const refused = decideLog({ category: "note", title: " \t", sessionId: null, project: null })
    expect(Either.isLeft(refused) && refused.left.message).toBe("the title is empty; pass --title \"…\"")
  })
})

describe("naming the entry a command acts on", () => {
  it("an empty id and a title match without words are refused before the store is read", () => {
    expect(Either.isLeft(lookupFor(byId("  ")))).toBe(true)
    expect(Either.isLeft(lookupFor(byTitle("   ")))).toBe(true)
    expect(lookupFor(byTitle(" flaky   login "))).toEqual(Either.right({ _tag: "ByTitle", words: ["flaky", "login"] }))
    expect(lookupFor(byId(" ab12 "))).toEqual(Either.right({ _tag: "ById", id: "ab12" }))
  })
})

describe("changing an entry's status", () => {
  it("given one match, a change event for that entry with the trimmed note", () => {
    const flaky = entry("AAAAAAAA", "Flaky login")
    const decided = Either.getOrThrow(decideStatusChange(byTitle("flaky"), [flaky], "resolved", "  fixed the race "))
    expect(decided.entry).toBe(flaky)
    expect(eventOf(decided.draft)).toEqual({ _tag: "EntryStatusChanged", entryId: flaky.id, status: "resolved", note: "fixed the race" })
  })

  it("a blank note is no note", () => {
    const decided = Either.getOrThrow(decideStatusChange(byId("AAAA"), [entry("AAAAAAAA", "x")], "blocked", "   "))
    expect(eventOf(decided.draft)).toMatchObject({ note: null })
  })

  it("given no match: not found, naming what was asked", () => {
    const refused = decideStatusChange(byTitle("nothing here"), [], "resolved", undefined)
    expect(Either.isLeft(refused) && refused.left._tag).toBe("EntryNotFound")
    expect(Either.isLeft(refused) && refused.left.message).toContain(`title words "nothing here"`)
  })

  it("given several matches: ambiguous, listing each candidate's short id, and no event", () => {
    const refused = decideStatusChange(byTitle("login"), [entry("AAAAAAAA", "Flaky login"), entry("BBBBBBBB", "Login page")], "resolved", undefined)
    expect(Either.isLeft(refused) && refused.left._tag).toBe("AmbiguousEntry")
    expect(Either.isLeft(refused) && refused.left.message).toContain("AAAAAAAA [open] Flaky login; BBBBBBBB [open] Login page")
  })
})

describe("reading the inbox", () => {
  const changes = [{ last_event_id: "01KB0000000000000000000002" }, { last_event_id: "01KB0000000000000000000009" }]

  it("moves the watermark to the newest change shown", () => {
    const [draft, ...rest] = decideInboxRead("alice", changes, true)
    expect(rest).toEqual([])
    expect(eventOf(draft!)).toEqual({ _tag: "InboxWatermarkAdvanced", reader: "alice", watermark: "01KB0000000000000000000009" })
  })

  it("writes nothing when only counting, or when there is nothing new", () => {
    expect(decideInboxRead("alice", changes, false)).toEqual([])
    expect(decideInboxRead("alice", [], true)).toEqual([])
  })
})
