import { readFileSync } from "node:fs"
import bundledPrices from "./prices.json" with { type: "json" }
import type { TokenUsage } from "./usage.js"

/** USD per million tokens. */
export interface ModelPrice {
  readonly input: number
  readonly output: number
  readonly cache_write: number
  readonly cache_write_1h: number
  readonly cache_read: number
}

export type PriceTable = ReadonlyMap<string, ModelPrice>

/** A rate is a finite number from 0 up: 1e400 parses as Infinity, and a cost of Infinity or below 0 is none. */
const isRate = (rate: unknown): boolean => typeof rate === "number" && Number.isFinite(rate) && rate >= 0

const isPrice = (value: unknown): value is ModelPrice =>
  typeof value === "object" && value !== null &&
  (["input", "output", "cache_write", "cache_write_1h", "cache_read"] as const).every((field) => isRate((value as Record<string, unknown>)[field]))

const pricesIn = (json: unknown): Array<[string, ModelPrice]> =>
  typeof json === "object" && json !== null
    ? Object.entries(json).filter((entry): entry is [string, ModelPrice] => isPrice(entry[1]))
    : []

/**
 * The bundled list prices, with the user's `prices.json` (same shape) on top. A missing or
 * unreadable override file leaves the bundled prices; entries that are not prices are ignored.
 */
export const loadPrices = (overridePath: string): PriceTable => {
  let overrides: Array<[string, ModelPrice]> = []
  try {
    overrides = pricesIn(JSON.parse(readFileSync(overridePath, "utf8")))
  } catch {
    // No override file, or not JSON: the bundled prices stand.
  }
  return new Map([...pricesIn(bundledPrices), ...overrides])
}

/** Exact name, then without its date suffix (`-20251001`), then the longest known prefix. */
export const priceOf = (prices: PriceTable, model: string): ModelPrice | undefined => {
  const exact = prices.get(model)
  if (exact !== undefined) return exact
  const undated = model.replace(/-\d{8}$/, "")
  const withoutDate = prices.get(undated)
  if (withoutDate !== undefined) return withoutDate
  let best: string | undefined
  for (const known of prices.keys()) {
    if (undated.startsWith(known) && (best === undefined || known.length > best.length)) best = known
  }
  return best === undefined ? undefined : prices.get(best)
}

/** Σ tokens × rate per million tokens, per token component. */
export const costUsd = (price: ModelPrice, usage: TokenUsage): number =>
  (usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheWrite5mTokens * price.cache_write +
    usage.cacheWrite1hTokens * price.cache_write_1h +
    usage.cacheReadTokens * price.cache_read) / 1e6
