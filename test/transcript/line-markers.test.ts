import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { headBytes, saysIsErrorTrue, worthParsing } from "../../src/transcript/line-markers.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

const has = (line: Buffer, text: string, from = 0, to = line.length) => line.subarray(from, to).indexOf(text) !== -1

/**
 * The rules worthParsing applies, one marker and one scan at a time, as the accumulator applied
 * them before the markers that begin alike were searched together.
 */
const oneMarkerAtATime = (line: Buffer): boolean => {
  const headEnd = Math.min(line.length, headBytes)
  if (has(line, `"type":"progress","data":`, 0, headEnd)) return false
  if (has(line, `"type":"user"`, 0, headEnd)) return !has(line, `"tool_use_id"`, 0, headEnd)
  if (has(line, `"type":"progress","data":`)) return false
  if (has(line, `"user"`)) return !has(line, `"tool_use_id"`)
  if (has(line, `"usage"`)) return true
  return [`"summary"`, `"ai-title"`, `"custom-title"`, `"cost-state"`, `"invoked_skills"`].some((marker) => has(line, marker))
}

/** Pieces of markers, whole markers and their look-alikes, so they overlap, repeat and straddle the head's end. */
const pieces = [
  `"type":"progress","data":`, `"type":"progress"`, `"type":"user"`, `"type":"us`, `"type":"`, `"type"`,
  `"user"`, `"us`, `"usage"`, `"usag`, `er"`, `age"`, `"userType":"external"`, `"tool_use_id"`, `\\"usage\\"`,
  `"summary"`, `"ai-title"`, `"custom-title"`, `"cost-state"`, `"invoked_skills"`, `progress","data":`, `user"`,
  `{"parentUuid":null,`, `"message":{"role":"assistant","content":[`, `,`, `}`, `"`,
]
const filler = fc.integer({ min: 0, max: 1100 }).map((length) => "x".repeat(length))
const line = fc.array(fc.oneof(fc.constantFrom(...pieces), filler), { maxLength: 12 }).map((parts) => Buffer.from(parts.join("")))

describe("worthParsing", () => {
  it(`decides every line as the marker-by-marker rules do (seed=${seed})`, () => {
    console.log(`line-markers seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    fc.assert(fc.property(line, (candidate) => worthParsing(candidate) === oneMarkerAtATime(candidate)), { seed, numRuns: 3000 })
  })

  it("finds a progress marker that straddles the head's end, and one wholly past it", () => {
    const progress = `"type":"progress","data":`
    for (const start of [headBytes - progress.length, headBytes - progress.length + 1, headBytes - 1, headBytes + 10]) {
      const candidate = Buffer.from(`${"x".repeat(start)}${progress}{"usage":1}`)
      expect(worthParsing(candidate), `marker at ${start}`).toBe(oneMarkerAtATime(candidate))
    }
    expect(worthParsing(Buffer.from(`${"x".repeat(headBytes + 10)}"type":"progress","data":{"usage":1}`))).toBe(false)
    expect(worthParsing(Buffer.from(`${"x".repeat(headBytes - 3)}"type":"progress","data":{"usage":1}`))).toBe(false)
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
