import type { UsageTotals } from "../projections/session-rows.js"

/**
 * Claude's five-hour usage windows, as Claude Code users know them from ccusage: a block starts
 * at the UTC hour of its first response and lasts five hours; the first response at or after its
 * end, or after a pause of five hours or more, starts the next one. Pure, so the `blocks` command
 * and the status line's snapshot share it.
 */
export const blockHours = 5
const blockMs = blockHours * 3_600_000

/** One API response (or, for sessions synced from another device, one hour of them) with its tokens and cost. */
export interface UsageActivity extends Omit<UsageTotals, "total_tokens"> {
  readonly at: number
  readonly model: string
}

export interface UsageBlock extends UsageTotals {
  readonly start: string
  readonly end: string
  readonly first_activity: string
  readonly last_activity: string
  readonly active: boolean
  readonly models: ReadonlyArray<string>
}

const floorToUtcHour = (ms: number) => Math.floor(ms / 3_600_000) * 3_600_000
const roundUsd = (value: number) => Math.round(value * 1e6) / 1e6

/** `activities` sorted by time. */
const blockOf = (activities: ReadonlyArray<UsageActivity>, start: number, now: number): UsageBlock => {
  const sum = (field: keyof Omit<UsageActivity, "at" | "model">) => activities.reduce((total, activity) => total + activity[field], 0)
  const first = activities[0]?.at ?? start
  const last = activities.at(-1)?.at ?? start
  const tokens = {
    input_tokens: sum("input_tokens"),
    output_tokens: sum("output_tokens"),
    cache_write_tokens: sum("cache_write_tokens"),
    cache_read_tokens: sum("cache_read_tokens"),
  }
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + blockMs).toISOString(),
    first_activity: new Date(first).toISOString(),
    last_activity: new Date(last).toISOString(),
    active: now < start + blockMs && now - last < blockMs,
    ...tokens,
    total_tokens: tokens.input_tokens + tokens.output_tokens + tokens.cache_write_tokens + tokens.cache_read_tokens,
    cost_usd: roundUsd(sum("cost_usd")),
    models: [...new Set(activities.map((activity) => activity.model))].sort(),
  }
}

/** The blocks these activities fall in, oldest first; gaps between blocks are not blocks. */
export const usageBlocks = (activities: ReadonlyArray<UsageActivity>, now: number): ReadonlyArray<UsageBlock> => {
  const sorted = [...activities].sort((a, b) => a.at - b.at)
  const blocks: Array<UsageBlock> = []
  let current: Array<UsageActivity> = []
  let start = 0
  for (const activity of sorted) {
    const previous = current.at(-1)
    if (previous === undefined || activity.at - start >= blockMs || activity.at - previous.at >= blockMs) {
      if (previous !== undefined) blocks.push(blockOf(current, start, now))
      current = []
      start = floorToUtcHour(activity.at)
    }
    current.push(activity)
  }
  if (current.length > 0) blocks.push(blockOf(current, start, now))
  return blocks
}

export interface BlockPace {
  /** Tokens per minute and USD per hour between the block's first and last activity. */
  readonly tokens_per_minute: number
  readonly cost_per_hour: number
  readonly minutes_left: number
  /** The block's totals at its end if the pace holds. */
  readonly projected_total_tokens: number
  readonly projected_cost_usd: number
}

/** The active block's pace; undefined when its activity spans no time yet (a single response). */
export const blockPace = (block: UsageBlock, now: number): BlockPace | undefined => {
  const minutes = (Date.parse(block.last_activity) - Date.parse(block.first_activity)) / 60_000
  if (!(minutes > 0)) return undefined
  const minutesLeft = Math.max(0, (Date.parse(block.end) - now) / 60_000)
  const tokensPerMinute = block.total_tokens / minutes
  const costPerMinute = block.cost_usd / minutes
  return {
    tokens_per_minute: Math.round(tokensPerMinute),
    cost_per_hour: roundUsd(costPerMinute * 60),
    minutes_left: Math.round(minutesLeft),
    projected_total_tokens: Math.round(block.total_tokens + tokensPerMinute * minutesLeft),
    projected_cost_usd: roundUsd(block.cost_usd + costPerMinute * minutesLeft),
  }
}
