import { describe, expect, it } from "vitest"
import { reconcile, type StoredVersion } from "../../src/memory/reconcile.js"

const version = (sha: string | null, label = "alice"): StoredVersion => ({ sha256: sha, content: `content ${sha}`, label })
const none = new Set<string>()

describe("reconcile (what pull does to one file)", () => {
  it("takes the newest version when the local file is what was last synced, or absent and never synced", () => {
    expect(reconcile({ localSha: "a", baseSha: "a", latest: version("b"), heads: [version("b")], knownConflicts: none }))
      .toEqual({ kind: "write", version: version("b"), conflicts: [], baseSha: "b" })
    expect(reconcile({ localSha: undefined, baseSha: undefined, latest: version("b"), heads: [version("b")], knownConflicts: none }).kind).toBe("write")
  })

  it("keeps a local edit the remote has not seen; writes the other side beside it when both moved", () => {
    expect(reconcile({ localSha: "mine", baseSha: "a", latest: version("a"), heads: [version("a")], knownConflicts: none }))
      .toEqual({ kind: "keep", conflicts: [], baseSha: "a" })
    expect(reconcile({ localSha: "mine", baseSha: "a", latest: version("b"), heads: [version("b")], knownConflicts: none }))
      .toEqual({ kind: "keep", conflicts: [version("b")], baseSha: "a" })
  })

  it("a local version that is one of two heads keeps itself and gets the other as a conflict copy, once", () => {
    const heads = [version("theirs"), version("mine", "bob")]
    expect(reconcile({ localSha: "mine", baseSha: "mine", latest: version("theirs"), heads, knownConflicts: none }).conflicts).toEqual([version("theirs")])
    expect(reconcile({ localSha: "mine", baseSha: "mine", latest: version("theirs"), heads, knownConflicts: new Set(["theirs"]) }).conflicts).toEqual([])
  })

  it("a deletion removes an unchanged file, never one edited here, and a local deletion stands unless the file changed elsewhere", () => {
    expect(reconcile({ localSha: "a", baseSha: "a", latest: version(null), heads: [], knownConflicts: none }).kind).toBe("delete")
    expect(reconcile({ localSha: "edited", baseSha: "a", latest: version(null), heads: [], knownConflicts: none }).kind).toBe("keep")
    expect(reconcile({ localSha: undefined, baseSha: "a", latest: version("a"), heads: [version("a")], knownConflicts: none }))
      .toEqual({ kind: "keep", conflicts: [], baseSha: "a" })
    expect(reconcile({ localSha: undefined, baseSha: "a", latest: version("b"), heads: [version("b")], knownConflicts: none }).kind).toBe("write")
  })
})
