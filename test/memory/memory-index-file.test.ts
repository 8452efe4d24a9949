import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { loadMemoryIndex, type MemoryFileText, readMemoryIndexStamp, writeMemoryIndex } from "../../src/memory/memory-index-file.js"
import { filesContaining } from "../../src/memory/memory-search.js"

const indexOf = (files: ReadonlyArray<MemoryFileText>) => {
  const path = join(mkdtempSync(join(tmpdir(), "csl-memory-index-")), "memory-index.bin")
  writeMemoryIndex(path, { newestEventId: "01J0000000000000000000000Z", eventCount: files.length }, files)
  return path
}
const everyProject = { allProjects: true, projectKey: "" }
const plain = (files: ReadonlyArray<MemoryFileText>) => files.map(({ project_key, name, content }) => ({ project_key, name, content }))

describe("the memory index file", () => {
  it("gives back every file as written, and its stamp without the contents", () => {
    const files = [
      { project_key: "shop", name: "a.md", content: "" },
      { project_key: "shop", name: "b.md", content: "line\r\n😀 ünïcode\n\n" },
      { project_key: "täst", name: "c.md", content: "no newline at end" },
    ]
    const path = indexOf(files)
    expect(plain(loadMemoryIndex(path)?.files ?? [])).toEqual(files)
    expect(readMemoryIndexStamp(path)).toMatchObject({ newestEventId: "01J0000000000000000000000Z", eventCount: 3 })
    expect(loadMemoryIndex(indexOf([]))?.files).toEqual([])
  })

  it("finds what lowercasing each file on its own finds: a final sigma at a file's end, a dotted İ", () => {
    for (const contents of [["ΟΔΟΣ", "ALPHA"], ["İstanbul", "Pİ x", "σ"], ["ΑΣ ΟΔΟΣ\nx", "Σ"]]) {
      const files = contents.map((content, index) => ({ project_key: "p", name: `${index}.md`, content }))
      const loaded = loadMemoryIndex(indexOf(files))?.files ?? []
      for (const text of ["σ", "ς", "ς\nalpha", "i̇", "i", "pi", "ς\na"]) {
        expect(plain(filesContaining(loaded, text, everyProject)), `${contents.join("|")} / ${text}`).toEqual(filesContaining(files, text, everyProject))
      }
    }
  })

  it("reads a damaged index as none", () => {
    const path = indexOf([{ project_key: "shop", name: "a.md", content: "hello" }])
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, bytes.length - 2))
    expect(loadMemoryIndex(path)).toBeUndefined()
    writeFileSync(path, "not an index")
    expect(loadMemoryIndex(path)).toBeUndefined()
    expect(readMemoryIndexStamp(path)).toBeUndefined()
  })
})
