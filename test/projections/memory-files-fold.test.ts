import { describe, expect, it } from "vitest"
import type { MemoryFileDeleted, MemoryFileWritten } from "../../src/events/domain-event.js"
import type { StoredEvent } from "../../src/events/stored-event.js"
import type { Decoded } from "../../src/projections/decoded-events.js"
import { foldMemoryFile } from "../../src/projections/memory-files-fold.js"

const sha = (letter: string) => letter.repeat(64)
let counter = 0
const decoded = (event: MemoryFileWritten | MemoryFileDeleted): Decoded<MemoryFileWritten | MemoryFileDeleted> => {
  counter += 1
  const stored = { id: `01J${String(counter).padStart(23, "0")}`, deviceId: "d", actor: "alice", recordedAt: "2026-01-01T00:00:00.000Z" } as unknown as StoredEvent
  return { stored, event }
}
const written = (letter: string, parents: ReadonlyArray<string>) =>
  decoded({ _tag: "MemoryFileWritten", projectKey: "shop", name: "a.md", parents: parents.map(sha), content: letter, sha256: sha(letter), bytes: 1 })
const deleted = (parents: ReadonlyArray<string>) => decoded({ _tag: "MemoryFileDeleted", projectKey: "shop", name: "a.md", parents: parents.map(sha) })

describe("foldMemoryFile", () => {
  it("an edit replaces its parent; two edits of one version are both kept (a conflict) until one names both", () => {
    const base = written("a", [])
    const state = foldMemoryFile([base, written("b", ["a"]), written("c", ["a"])])
    expect(state?.latest.content).toBe("c")
    expect(state?.writtenHeads.map((head) => head.content)).toEqual(["c", "b"])
    expect(foldMemoryFile([base, written("b", ["a"]), written("c", ["a"]), written("d", ["c", "b"])])?.writtenHeads.map((head) => head.content)).toEqual(["d"])
  })

  it("an edit beats a concurrent deletion; a deletion alone wins", () => {
    expect(foldMemoryFile([written("a", []), deleted(["a"]), written("b", ["a"])])?.latest.content).toBe("b")
    expect(foldMemoryFile([written("a", []), written("b", ["a"]), deleted(["a"])])?.latest.content).toBe("b")
    expect(foldMemoryFile([written("a", []), deleted(["a"])])?.latest.sha256).toBeNull()
  })
})
