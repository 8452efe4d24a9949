import { describe, expect, it } from "vitest"
import { blockPace, type UsageActivity, usageBlocks } from "../../src/usage/usage-blocks.js"

const at = (iso: string, input = 100, model = "claude-opus-4-6"): UsageActivity => ({
  at: Date.parse(iso),
  model,
  input_tokens: input,
  output_tokens: 10,
  cache_write_tokens: 0,
  cache_read_tokens: 0,
  cost_usd: 0.01,
})
const spans = (activities: ReadonlyArray<UsageActivity>, now = Date.parse("2030-01-01T00:00:00Z")) =>
  usageBlocks(activities, now).map((block) => [block.start, block.end, block.last_activity, block.input_tokens])

describe("usageBlocks", () => {
  it("starts a block at the UTC hour of its first response and ends it five hours later", () => {
    expect(spans([at("2026-11-20T09:47:00Z"), at("2026-11-20T13:59:00Z")])).toEqual([
      ["2026-11-20T09:00:00.000Z", "2026-11-20T14:00:00.000Z", "2026-11-20T13:59:00.000Z", 200],
    ])
  })

  it("starts the next block at the first response at or after the block's end", () => {
    expect(spans([at("2026-11-20T09:47:00Z"), at("2026-11-20T12:00:00Z"), at("2026-11-20T14:00:00Z"), at("2026-11-20T14:30:00Z")])).toEqual([
      ["2026-11-20T09:00:00.000Z", "2026-11-20T14:00:00.000Z", "2026-11-20T12:00:00.000Z", 200],
      ["2026-11-20T14:00:00.000Z", "2026-11-20T19:00:00.000Z", "2026-11-20T14:30:00.000Z", 200],
    ])
  })

  it("starts a new block after a pause of five hours or more, and makes no block of the gap", () => {
    expect(spans([at("2026-11-20T09:10:00Z"), at("2026-11-20T21:10:00Z"), at("2026-11-20T09:20:00Z")]).map(([start]) => start)).toEqual([
      "2026-11-20T09:00:00.000Z",
      "2026-11-20T21:00:00.000Z",
    ])
  })

  it("marks the running block active and projects its pace to its end", () => {
    const now = Date.parse("2026-11-20T11:00:00Z")
    const blocks = usageBlocks([at("2026-11-20T09:00:00Z", 1_000), at("2026-11-20T10:00:00Z", 1_000)], now)
    expect(blocks.map((block) => block.active)).toEqual([true])
    const [block] = blocks
    if (block === undefined) throw new Error("no block")
    // 2,020 tokens and $0.02 over the 60 minutes between the two responses; 180 minutes left.
    expect(blockPace(block, now)).toEqual({
      tokens_per_minute: 34,
      cost_per_hour: 0.02,
      minutes_left: 180,
      projected_total_tokens: 2020 + Math.round((2020 / 60) * 180),
      projected_cost_usd: 0.08,
    })
    expect(usageBlocks([at("2026-11-20T09:00:00Z")], Date.parse("2026-11-20T14:00:00Z"))[0]?.active).toBe(false)
    expect(blockPace(usageBlocks([at("2026-11-20T09:00:00Z")], now)[0] ?? block, now)).toBeUndefined()
  })

  it("lists each block's models once, sorted", () => {
    expect(usageBlocks([at("2026-11-20T09:00:00Z", 1, "b"), at("2026-11-20T09:01:00Z", 1, "a"), at("2026-11-20T09:02:00Z", 1, "b")], 0)[0]?.models).toEqual(["a", "b"])
  })
})
