/** Token counts of one API response or a sum of them; cache writes split by lifetime (priced apart). */
export interface TokenUsage {
  readonly inputTokens: number
  readonly outputTokens: number
  readonly cacheWrite5mTokens: number
  readonly cacheWrite1hTokens: number
  readonly cacheReadTokens: number
}

export const zeroUsage: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  cacheReadTokens: 0,
}

export const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheWrite5mTokens: a.cacheWrite5mTokens + b.cacheWrite5mTokens,
  cacheWrite1hTokens: a.cacheWrite1hTokens + b.cacheWrite1hTokens,
  cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
})

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0)

/**
 * Reads an API `usage` object. `cache_creation_input_tokens` is the total cache write; when the
 * 5-minute / 1-hour split is present it is used, and any remainder counts as 5-minute writes
 * (the default lifetime, and what older transcripts without the split were billed at).
 */
export const usageFromApi = (usage: Readonly<Record<string, unknown>>): TokenUsage => {
  const split = typeof usage.cache_creation === "object" && usage.cache_creation !== null
    ? usage.cache_creation as Readonly<Record<string, unknown>>
    : {}
  const totalWrite = count(usage.cache_creation_input_tokens)
  const write1h = Math.min(count(split.ephemeral_1h_input_tokens), totalWrite)
  return {
    inputTokens: count(usage.input_tokens),
    outputTokens: count(usage.output_tokens),
    cacheWrite5mTokens: totalWrite - write1h,
    cacheWrite1hTokens: write1h,
    cacheReadTokens: count(usage.cache_read_input_tokens),
  }
}

