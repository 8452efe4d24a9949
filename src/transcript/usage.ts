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

/**
 * No single API response comes near this many tokens (context windows are around a million), so a
 * larger value is damage, not usage. Keeping each value below it keeps every sum of a session's
 * responses an exact integer, within what the store's BIGINT columns hold.
 */
export const maxTokensPerValue = 1_000_000_000

/** A token count as Claude Code writes it: a whole number from 0 up to the plausible maximum. */
const isTokenCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= maxTokensPerValue

/** Absent counts are 0; a value that is not a token count costs only itself (see invalidTokenCounts). */
const count = (value: unknown): number => (isTokenCount(value) ? value : 0)

const countKeys = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"] as const
const splitKeys = ["ephemeral_1h_input_tokens"] as const

const cacheSplit = (usage: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> =>
  typeof usage.cache_creation === "object" && usage.cache_creation !== null
    ? usage.cache_creation as Readonly<Record<string, unknown>>
    : {}

/**
 * How many token counts in an API `usage` object are present but not counts (`1.5`, `1e20`,
 * `"12"`, `-3`): the line that holds one is reported as malformed, and each counts as 0.
 */
export const invalidTokenCounts = (usage: Readonly<Record<string, unknown>>): number => {
  const split = cacheSplit(usage)
  const invalid = (value: unknown) => (value !== undefined && value !== null && !isTokenCount(value) ? 1 : 0)
  let count = 0
  for (const key of countKeys) count += invalid(usage[key])
  for (const key of splitKeys) count += invalid(split[key])
  return count
}

/**
 * Reads an API `usage` object. `cache_creation_input_tokens` is the total cache write; when the
 * 5-minute / 1-hour split is present it is used, and any remainder counts as 5-minute writes
 * (the default lifetime, and what older transcripts without the split were billed at).
 */
export const usageFromApi = (usage: Readonly<Record<string, unknown>>): TokenUsage => {
  const split = cacheSplit(usage)
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

