import fc from "fast-check"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { forEachLine } from "../../src/transcript/line-reader.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const chunk = 1 << 20
const dir = mkdtempSync(join(tmpdir(), "csl-lines-"))

/** Lines as forEachLine gives them, each copied at once (its bytes are reused after the call). */
const linesOf = (path: string): Array<string> => {
  const lines: Array<string> = []
  forEachLine(path, (line) => void lines.push(line.toString("latin1")))
  return lines
}
/** What splitting the whole file gives: every line, the last one only when something follows the final newline. */
const expectedLines = (path: string): Array<string> => {
  const parts = readFileSync(path).toString("latin1").split("\n")
  if (parts.at(-1) === "") parts.pop()
  return parts
}

/** Line lengths near the chunk's size and its multiples, so lines end on, just before and just past a chunk's end. */
const lineLength = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: chunk - 3, max: chunk + 3 }),
  fc.integer({ min: 2 * chunk - 2, max: 2 * chunk + 2 }),
)
const file = fc.record({
  lengths: fc.array(lineLength, { minLength: 1, maxLength: 4 }),
  endsWithNewline: fc.boolean(),
  byte: fc.constantFrom(0x61, 0x7b, 0x0d),
})

describe("forEachLine over files read one after another", () => {
  it(`gives every file's lines, whatever the previous file left in the reused chunk (seed=${seed})`, () => {
    console.log(`line-reader seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    let index = 0
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 3 }), (files) => {
        const paths = files.map(({ lengths, endsWithNewline, byte }) => {
          const path = join(dir, `${index++}.jsonl`)
          const body = lengths.map((length) => Buffer.alloc(length, byte).toString("latin1")).join("\n")
          writeFileSync(path, Buffer.from(endsWithNewline ? `${body}\n` : body, "latin1"))
          return path
        })
        for (const path of paths) expect(linesOf(path)).toEqual(expectedLines(path))
      }),
      { seed, numRuns: 25 },
    )
  })

  it("gives a file read from inside another's onLine its own chunk", () => {
    const outer = join(dir, "outer.jsonl")
    const inner = join(dir, "inner.jsonl")
    writeFileSync(outer, `${"o".repeat(10)}\n${"p".repeat(chunk + 5)}\nlast\n`)
    writeFileSync(inner, `${"i".repeat(chunk - 1)}\nshort\n`)
    const seen: Array<string> = []
    forEachLine(outer, (line) => {
      const text = line.toString("latin1")
      expect(linesOf(inner)).toEqual(expectedLines(inner))
      seen.push(text)
      // The outer line is still intact after the inner file was read.
      expect(line.toString("latin1")).toBe(text)
    })
    expect(seen).toEqual(expectedLines(outer))
  })
})
