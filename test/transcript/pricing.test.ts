import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { costUsd, loadPrices, priceOf } from "../../src/transcript/pricing.js"

const noOverride = join(tmpdir(), "no-such-dir", "prices.json")

describe("prices", () => {
  const prices = loadPrices(noOverride)

  it("match exactly, then without the date suffix, then by the longest known prefix", () => {
    expect(priceOf(prices, "claude-opus-4-6")?.input).toBe(5)
    expect(priceOf(prices, "claude-haiku-4-5-20251001")?.output).toBe(5)
    expect(priceOf(prices, "claude-sonnet-4-5-20250929")?.cache_write_1h).toBe(6)
    expect(priceOf(prices, "claude-opus-4-1-20250805")?.input).toBe(15)
    expect(priceOf(prices, "gpt-4o")).toBeUndefined()
  })

  it("cost every token kind at its own rate, per million", () => {
    const opus = priceOf(prices, "claude-opus-4-6")!
    const usage = { inputTokens: 1e6, outputTokens: 1e6, cacheWrite5mTokens: 1e6, cacheWrite1hTokens: 1e6, cacheReadTokens: 1e6 }
    expect(costUsd(opus, usage)).toBeCloseTo(5 + 25 + 6.25 + 10 + 0.5, 10)
  })

  it("take the user's prices.json over the bundled ones, ignoring entries that are not prices", () => {
    const path = join(mkdtempSync(join(tmpdir(), "csl-prices-")), "prices.json")
    writeFileSync(path, JSON.stringify({
      "claude-opus-4-6": { input: 1, output: 2, cache_write: 3, cache_write_1h: 4, cache_read: 0.1 },
      "my-model": { input: 9, output: 9, cache_write: 9, cache_write_1h: 9, cache_read: 9 },
      broken: { input: "free" },
    }))
    const custom = loadPrices(path)
    expect(priceOf(custom, "claude-opus-4-6")?.input).toBe(1)
    expect(priceOf(custom, "my-model-20260101")?.input).toBe(9)
    expect(priceOf(custom, "broken")).toBeUndefined()
    expect(priceOf(custom, "claude-haiku-4-5")?.input).toBe(1)
  })

  it("ignore an override whose rates are not finite numbers from 0 up: no cost is Infinity or below 0", () => {
    const path = join(mkdtempSync(join(tmpdir(), "csl-prices-")), "prices.json")
    const rates = (input: string) => `{ "input": ${input}, "output": 1, "cache_write": 1, "cache_write_1h": 1, "cache_read": 1 }`
    writeFileSync(path, `{ "claude-opus-4-6": ${rates("1e400")}, "claude-haiku-4-5": ${rates("-1")}, "mine": ${rates("0")} }`)
    const custom = loadPrices(path)
    expect(priceOf(custom, "claude-opus-4-6")?.input).toBe(5)
    expect(priceOf(custom, "claude-haiku-4-5")?.input).toBe(1)
    expect(priceOf(custom, "mine")?.input).toBe(0)
  })

  it("fall back to the bundled prices when the override is not JSON", () => {
    const path = join(mkdtempSync(join(tmpdir(), "csl-prices-")), "prices.json")
    writeFileSync(path, "{ nope")
    expect(priceOf(loadPrices(path), "claude-opus-4-6")?.input).toBe(5)
  })
})
