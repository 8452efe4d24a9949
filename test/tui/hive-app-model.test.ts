import { describe, expect, it } from "vitest"
import { type HiveAppState, hiveFooter, initialHiveState, onHiveKey, onHiveReply } from "../../src/tui/hive-app-model.js"
import { publishRows } from "../../src/tui/hive-publish-model.js"
import type { HiveKey, HiveReply } from "../../src/tui/hive-transition.js"
import { hiveFile, sampleHiveFiles } from "../support/hive-files.js"

const files = sampleHiveFiles

const named: Record<string, HiveKey> = {
  Up: { input: "", name: "up" },
  Down: { input: "", name: "down" },
  Enter: { input: "\r", name: "enter" },
  Escape: { input: "", name: "escape" },
  Backspace: { input: "", name: "backspace" },
}

/** Keys as a person presses them: "Down", "Enter", … by name, anything else as typed text. */
const press = (state: HiveAppState, ...keys: ReadonlyArray<string>): HiveAppState =>
  keys.reduce((current, key) => onHiveKey(current, named[key] ?? { input: key }), state)

/** The hive answers the request the state is waiting on. */
const answer = (state: HiveAppState, reply: HiveReply): HiveAppState => onHiveReply(state, state.pending?.id ?? -1, reply)

const publishView = () => answer(press(initialHiveState, "1"), { kind: "files", files })

const chosenIds = (state: HiveAppState) => (state.screen.view === "publish" ? [...state.screen.chosen].sort() : [])

describe("the claude-hive app model: menu", () => {
  it("given the menu, when 1, 2 or 3 is pressed, then that view opens and asks for its data", () => {
    expect(press(initialHiveState, "1").pending?.request).toEqual({ kind: "load-files" })
    expect(press(initialHiveState, "2").pending?.request).toEqual({ kind: "load-subscriptions" })
    expect(press(initialHiveState, "3").pending?.request).toEqual({ kind: "sync" })
    expect(press(initialHiveState, "3").screen.view).toBe("refresh")
  })

  it("given the menu, when q or Esc is pressed, then the app is done; in a view, q goes back to the menu", () => {
    expect(press(initialHiveState, "q").done).toBe(true)
    expect(press(initialHiveState, "Escape").done).toBe(true)
    const back = press(initialHiveState, "1", "q")
    expect(back.screen.view).toBe("menu")
    expect(back.done).toBe(false)
  })

  it("given a view left while its request ran, when the reply comes, then it is dropped", () => {
    const leftPublish = press(initialHiveState, "1")
    const staleId = leftPublish.pending?.id ?? -1
    const inSubscribe = press(leftPublish, "q", "2")
    const after = onHiveReply(inSubscribe, staleId, { kind: "files", files })
    expect(after).toEqual(inSubscribe)
    expect(after.pending?.request).toEqual({ kind: "load-subscriptions" })
  })

  it("given a request running, when another is asked for, then it is refused with a note and the first still awaited", () => {
    const publishing = press(publishView(), "a")
    const again = press(publishing, "a")
    expect(again.pending).toEqual(publishing.pending)
    expect(again.notice).toEqual({ tone: "info", text: "still publishing…" })
  })

  it("given any request, when it fails, then the view stays and shows one error line", () => {
    const failed = answer(press(publishView(), "a"), { kind: "failed", message: "cannot reach the hive md:claude_hive: no network" })
    expect(failed.screen.view).toBe("publish")
    expect(failed.notice).toEqual({ tone: "error", text: "✗ cannot reach the hive md:claude_hive: no network" })
    expect(press(failed, "Down").notice).toBeUndefined()
  })
})

describe("the claude-hive app model: Publish", () => {
  it("given files from two projects, then they are grouped by project and the published ones start chosen", () => {
    const state = publishView()
    if (state.screen.view !== "publish") throw new Error("not in Publish")
    expect(publishRows(state.screen.files ?? []).map((row) => (row.kind === "project" ? `# ${row.project}` : row.file.name))).toEqual([
      "# api",
      "deploy.md",
      "keys.md",
      "# web",
      "testing.md",
      "ログイン修正🚀.md",
    ])
    expect(chosenIds(state)).toEqual(["web/testing.md"])
  })

  it("when Space is pressed on a file, then it toggles; a applies exactly the chosen files", () => {
    const state = press(publishView(), " ", "Down", "Down", " ")
    expect(chosenIds(state)).toEqual(["api/deploy.md"])
    expect(press(state, "a").pending?.request).toEqual({ kind: "publish", fileIds: ["api/deploy.md"], allowedSecrets: [] })
  })

  it("given a secret-looking file, when Space is pressed, then it asks; only y chooses it", () => {
    const asked = press(publishView(), "Down", " ")
    expect(asked.notice?.tone).toBe("warning")
    expect(asked.notice?.text).toContain("keys.md seems to hold a secret (AWS access key): press y to share it anyway")
    expect(chosenIds(asked)).toEqual(["web/testing.md"])
    expect(chosenIds(press(asked, "n"))).toEqual(["web/testing.md"])
    expect(chosenIds(press(asked, " "))).toEqual(["web/testing.md"])
    expect(chosenIds(press(asked, "y"))).toEqual(["api/keys.md", "web/testing.md"])
    expect(press(asked, "y", "a").pending?.request).toEqual({ kind: "publish", fileIds: ["api/keys.md", "web/testing.md"], allowedSecrets: ["api/keys.md"] })
    // Keeping it private again needs no confirm.
    expect(chosenIds(press(asked, "y", " "))).toEqual(["web/testing.md"])
  })

  it("given a secret-looking file already published, then it stays chosen but is not allowed until confirmed", () => {
    const published = answer(press(initialHiveState, "1"), { kind: "files", files: [hiveFile("api", "keys.md", { secret: "AWS access key", published: true })] })
    expect(press(published, "a").pending?.request).toEqual({ kind: "publish", fileIds: ["api/keys.md"], allowedSecrets: [] })
    expect(press(published, " ", " ", "y", "a").pending?.request).toEqual({ kind: "publish", fileIds: ["api/keys.md"], allowedSecrets: ["api/keys.md"] })
  })

  it("when the apply succeeds, then the view shows what went out and the URL; Enter reads the files anew", () => {
    const applied = answer(press(publishView(), "a"), { kind: "published", outcome: { lines: ["published web/testing.md"], url: "md:_share/hive/abc" } })
    if (applied.screen.view !== "publish") throw new Error("not in Publish")
    expect(applied.screen.outcome).toEqual({ lines: ["published web/testing.md"], url: "md:_share/hive/abc" })
    expect(hiveFooter(applied.screen)).toBe("Enter back to the files · q back")
    expect(press(applied, "Enter").pending?.request).toEqual({ kind: "load-files" })
  })

  it("given numbered names, then note-2.md comes before note-10.md", () => {
    const numbered = answer(press(initialHiveState, "1"), { kind: "files", files: [hiveFile("api", "note-10.md"), hiveFile("api", "note-2.md")] })
    expect(numbered.screen.view === "publish" && numbered.screen.files?.map((row) => row.name)).toEqual(["note-2.md", "note-10.md"])
  })

  it("the cursor stays within the list", () => {
    const state = press(publishView(), "Up", "Down", "Down", "Down", "Down", "Down", "Down")
    expect(state.screen.view === "publish" && state.screen.cursor).toBe(3)
  })
})

describe("the claude-hive app model: Subscribe", () => {
  const subscribeView = () =>
    answer(press(initialHiveState, "2"), { kind: "subscriptions", subscriptions: [{ url: "md:_share/hive/bob", projects: ["api"], files: 2, lastError: null }] })

  it("given a new URL typed or pasted, when Enter is pressed, then its projects are fetched, all chosen at first", () => {
    const typed = press(subscribeView(), "n", "md:_share/", "hive/alx", "Backspace", "ice")
    expect(typed.screen).toMatchObject({ stage: "url", url: "md:_share/hive/alice" })
    const fetching = press(typed, "Enter")
    expect(fetching.pending?.request).toEqual({ kind: "fetch-projects", url: "md:_share/hive/alice" })
    const choosing = answer(fetching, { kind: "projects", projects: ["api", "web"] })
    expect(choosing.screen).toMatchObject({ stage: "projects", url: "md:_share/hive/alice", projects: ["api", "web"], chosen: new Set(["api", "web"]) })
    expect(press(choosing, "Down", " ", "a").pending?.request).toEqual({ kind: "subscribe", url: "md:_share/hive/alice", projects: ["api"] })
    // All of them: the ones the publisher adds later too.
    expect(press(choosing, "a").pending?.request).toEqual({ kind: "subscribe", url: "md:_share/hive/alice", projects: "all" })
  })

  it("given a subscription to some projects, when all are ticked, then it names them rather than taking later ones", () => {
    const choosing = answer(press(subscribeView(), "Enter"), { kind: "projects", projects: ["api", "web"] })
    expect(press(choosing, "Down", " ", "a").pending?.request).toEqual({ kind: "subscribe", url: "md:_share/hive/bob", projects: ["api", "web"] })
  })

  it("given a subscription, when Enter is pressed on it, then its projects start as chosen before", () => {
    const choosing = answer(press(subscribeView(), "Enter"), { kind: "projects", projects: ["api", "web"] })
    expect(choosing.screen).toMatchObject({ stage: "projects", chosen: new Set(["api"]) })
    // Taking none of them leaves the subscription.
    expect(press(choosing, " ", "a").pending?.request).toEqual({ kind: "unsubscribe", url: "md:_share/hive/bob" })
  })

  it("given a new URL with no project chosen, when a is pressed, then it says so and asks nothing", () => {
    const fetched = answer(press(subscribeView(), "n", "md:x", "Enter"), { kind: "projects", projects: ["api"] })
    const none = press(fetched, " ", "a")
    expect(none.pending).toBeUndefined()
    expect(none.notice?.text).toBe("choose at least one project (Space), or q to go back")
  })

  it("given a dead URL, when its projects cannot be fetched, then the typed URL stays to be corrected", () => {
    const failed = answer(press(subscribeView(), "n", "md:nope", "Enter"), { kind: "failed", message: "cannot reach the hive md:nope: no such share" })
    expect(failed.screen).toMatchObject({ stage: "url", url: "md:nope" })
    expect(failed.notice?.tone).toBe("error")
    // q is part of a URL while typing; Esc goes back to the subscriptions.
    expect(press(failed, "q").screen).toMatchObject({ stage: "url", url: "md:nopeq" })
    expect(press(failed, "Escape").screen).toMatchObject({ stage: "list" })
  })

  it("when d is pressed on a subscription, then only y unsubscribes", () => {
    const asked = press(subscribeView(), "d")
    expect(asked.notice?.text).toContain("press y to unsubscribe from md:_share/hive/bob")
    expect(press(asked, "n").pending).toBeUndefined()
    expect(press(asked, "y").pending?.request).toEqual({ kind: "unsubscribe", url: "md:_share/hive/bob" })
  })

  it("when the subscribe is done, then its lines show; any key reads the subscriptions anew", () => {
    const choosing = answer(press(subscribeView(), "Enter"), { kind: "projects", projects: ["api"] })
    const done = answer(press(choosing, "a"), { kind: "lines", lines: ["wrote ~/.claude/hive/api/deploy.md"] })
    expect(done.screen).toMatchObject({ stage: "done", lines: ["wrote ~/.claude/hive/api/deploy.md"] })
    expect(press(done, "x").pending?.request).toEqual({ kind: "load-subscriptions" })
  })
})

describe("the claude-hive app model: Refresh", () => {
  it("given the Refresh view, when the sync answers, then its lines show; r runs it again", () => {
    const refreshed = answer(press(initialHiveState, "3"), { kind: "lines", lines: ["api/deploy.md updated"] })
    expect(refreshed.screen).toEqual({ view: "refresh", lines: ["api/deploy.md updated"] })
    const again = press(refreshed, "r")
    expect(again.screen).toEqual({ view: "refresh", lines: undefined })
    expect(again.pending?.request).toEqual({ kind: "sync" })
  })
})
