import { describe, expect, it } from "vitest"
import { invalidTokenCounts, usageFromApi } from "../../src/transcript/usage.js"

describe("usageFromApi: a value that is not a token count costs only itself", () => {
  it.each([1.5, 1e20, 1e308, 2 ** 53, -3, "12", true])("input_tokens %s counts 0 and is reported", (odd) => {
    const usage = { input_tokens: odd, output_tokens: 7, cache_read_input_tokens: 100 }
    expect(usageFromApi(usage)).toMatchObject({ inputTokens: 0, outputTokens: 7, cacheReadTokens: 100 })
    expect(invalidTokenCounts(usage)).toBe(1)
  })

  it("absent and null counts are zero, not damage; the 1-hour split is checked too", () => {
    expect(invalidTokenCounts({ output_tokens: 3, input_tokens: null })).toBe(0)
    expect(invalidTokenCounts({ cache_creation_input_tokens: 10, cache_creation: { ephemeral_1h_input_tokens: 0.5 } })).toBe(1)
  })
})
