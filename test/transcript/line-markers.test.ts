import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { headBytes, lineKind, type LineKind, saysIsErrorTrue } from "../../src/transcript/line-markers.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

const has = (line: Buffer, text: string, from = 0, to = line.length) => line.subarray(from, to).indexOf(text) !== -1

const startsAt = (line: Buffer, at: number, text: string) => line.subarray(at, at + Buffer.byteLength(text)).equals(Buffer.from(text))

/**
 * The rules lineKind applies, one marker and one scan at a time: the head's first type pair and an
 * assistant role in the head first, then every marker as the accumulator looked for them before.
 */
const oneRuleAtATime = (line: Buffer): LineKind => {
  const headEnd = Math.min(line.length, headBytes)
  const toolResultOr = (): LineKind => (has(line, `"tool_use_id"`) ? "toolResult" : "parse")
  const firstType = line.subarray(0, headEnd).indexOf(`"type":"`)
  if (firstType !== -1 && startsAt(line.subarray(0, headEnd), firstType, `"type":"progress","data":`)) return "progress"
  if (firstType !== -1 && startsAt(line.subarray(0, headEnd), firstType, `"type":"user"`)) return toolResultOr()
  if (has(line, `"role":"assistant"`, 0, headEnd)) return "parse"
  if (has(line, `"type":"progress","data":`, 0, headEnd)) return "progress"
  if (has(line, `"type":"user"`, 0, headEnd)) return toolResultOr()
  if (has(line, `"type":"progress","data":`)) return "other"
  if (has(line, `"user"`)) return toolResultOr()
  if (has(line, `"usage"`)) return "parse"
  return [`"summary"`, `"ai-title"`, `"custom-title"`, `"cost-state"`, `"invoked_skills"`].some((marker) => has(line, marker)) ? "parse" : "other"
}

/** Pieces of markers, whole markers and their look-alikes, so they overlap, repeat and straddle the head's end. */
const pieces = [
  `"type":"progress","data":`, `"type":"progress"`, `"type":"user"`, `"type":"us`, `"type":"`, `"type"`,
  `"user"`, `"us`, `"usage"`, `"usag`, `er"`, `age"`, `"userType":"external"`, `"tool_use_id"`, `\\"usage\\"`,
  `"summary"`, `"ai-title"`, `"custom-title"`, `"cost-state"`, `"invoked_skills"`, `progress","data":`, `user"`,
  `{"parentUuid":null,`, `"message":{"role":"assistant","content":[`, `"role":"assistant"`, `"role":"assist`, `"type":"message",`,
  `,`, `}`, `"`,
]
const filler = fc.integer({ min: 0, max: 1100 }).map((length) => "x".repeat(length))
const line = fc.array(fc.oneof(fc.constantFrom(...pieces), filler), { maxLength: 12 }).map((parts) => Buffer.from(parts.join("")))

describe("lineKind", () => {
  it(`decides every line as the rule-by-rule reading does (seed=${seed})`, () => {
    console.log(`line-markers seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    fc.assert(fc.property(line, (candidate) => lineKind(candidate) === oneRuleAtATime(candidate)), { seed, numRuns: 3000 })
  })

  it("finds a progress marker that straddles the head's end, and one wholly past it", () => {
    const progress = `"type":"progress","data":`
    for (const start of [headBytes - progress.length, headBytes - progress.length + 1, headBytes - 1, headBytes + 10]) {
      const candidate = Buffer.from(`${"x".repeat(start)}${progress}{"usage":1}`)
      expect(lineKind(candidate), `marker at ${start}`).toBe(oneRuleAtATime(candidate))
    }
    expect(lineKind(Buffer.from(`${"x".repeat(headBytes + 10)}"type":"progress","data":{"usage":1}`))).toBe("other")
    expect(lineKind(Buffer.from(`${"x".repeat(headBytes - 3)}"type":"progress","data":{"usage":1}`))).toBe("other")
    expect(lineKind(Buffer.from(`${"x".repeat(headBytes - 30)}"type":"progress","data":{"usage":1}`))).toBe("progress")
  })
})

/** `"is_error"`, then spaces or colons, then `t`: from every occurrence of the whole key. */
const wholeKeyAtATime = (line: Buffer): boolean => {
  const key = Buffer.from(`"is_error"`)
  for (let at = line.indexOf(key); at !== -1; at = line.indexOf(key, at + 1)) {
    let next = at + key.length
    while (line[next] === 0x20 || line[next] === 0x3a) next++
    if (line[next] === 0x74) return true
  }
  return false
}

const errorPieces = [`"is_error"`, `"is_error`, `_error"`, `"is`, `is_error"`, `"`, `:`, ` `, `t`, `true`, `false`, `\\"is_error\\"`, `x`]
const errorLine = fc.array(fc.constantFrom(...errorPieces), { maxLength: 16 }).map((parts) => Buffer.from(parts.join("")))

describe("saysIsErrorTrue", () => {
  it(`finds "is_error": true wherever the whole key does (seed=${seed})`, () => {
    fc.assert(fc.property(errorLine, (candidate) => saysIsErrorTrue(candidate) === wholeKeyAtATime(candidate)), { seed, numRuns: 3000 })
    expect(saysIsErrorTrue(Buffer.from(`"is_error": true`))).toBe(true)
    expect(saysIsErrorTrue(Buffer.from(`is_error": true`))).toBe(false)
  })
})
