import { Command, HelpDoc, Options, ValidationError } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { AppConfig } from "../../config/app-config.js"
import { modelFamily } from "../../sessions/model-family.js"
import { humanCount, humanUsd } from "../../snapshot/banner-text.js"
import { usageActivities } from "../../usage/block-activity.js"
import { type RateLimitSample, rateLimitHistoryPath, readRateLimitSamples } from "../../snapshot/rate-limit-history.js"
import { blockPace, type UsageBlock, usageBlocks } from "../../usage/usage-blocks.js"
import { LocalStore } from "../../local-store/local-store.js"
import { loadPrices } from "../../transcript/pricing.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"
import { renderTable } from "../text-table.js"
import { whoseUsage } from "../whose-usage-option.js"

const active = Options.boolean("active").pipe(Options.withDescription("Only the block running now."))
const recent = Options.boolean("recent").pipe(Options.withDescription("Only blocks of the last 3 days (and the running one)."))
const tokenLimit = Options.text("token-limit").pipe(
  Options.withPseudoName("N|max"),
  Options.mapEffect((text): Effect.Effect<number | "max", ValidationError.ValidationError> =>
    text === "max" ? Effect.succeed("max")
    : /^\d+$/.test(text) && Number(text) > 0 ? Effect.succeed(Number(text))
    : Effect.fail(ValidationError.invalidValue(HelpDoc.p(`--token-limit takes a positive whole number or max, not '${text}'`)))
  ),
  Options.optional,
  Options.withDescription("Tokens a block may use: shows each block's share and warns past it; max: the largest past block."),
)

const recentDays = 3

/** The readings Claude Code reported while the block ran: the last is the highest of its window. */
const rateLimitsIn = (block: UsageBlock, samples: ReadonlyArray<RateLimitSample>) => {
  const inside = samples.filter((sample) => sample.at >= block.start && sample.at < block.end).at(-1)
  return inside === undefined ? null : {
    at: inside.at,
    five_hour_percent: inside.five_hour?.used_percentage ?? null,
    seven_day_percent: inside.seven_day?.used_percentage ?? null,
  }
}

const percentOf = (tokens: number, limit: number) => Math.round((tokens / limit) * 1000) / 10

const local = (iso: string) => {
  const date = new Date(iso)
  const two = (value: number) => String(value).padStart(2, "0")
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`
}

export const blocksCommand = Command.make("blocks", { active, recent, tokenLimit, whose: whoseUsage, json }, (args) =>
  Effect.gen(function* () {
    const { paths } = yield* AppConfig
    const now = Date.now()
    const prices = loadPrices(paths.prices)
    const activities = yield* (yield* LocalStore).read((db) => usageActivities(db, { createdBy: args.whose }, prices))
    const all = usageBlocks(activities, now)
    const largestPast = Math.max(0, ...all.filter((block) => !block.active).map((block) => block.total_tokens))
    const limit = Option.map(args.tokenLimit, (value) => (value === "max" ? largestPast : value)).pipe(Option.filter((value) => value > 0), Option.getOrUndefined)
    const samples = readRateLimitSamples(rateLimitHistoryPath(paths.dataDir))
    const shown = all.filter((block) =>
      args.active ? block.active : !args.recent || block.active || Date.parse(block.start) >= now - recentDays * 86_400_000
    )
    const report = shown.map((block) => {
      const pace = block.active ? blockPace(block, now) : undefined
      return {
        ...block,
        pace: pace ?? null,
        token_limit: limit === undefined ? null : {
          limit,
          used_percent: percentOf(block.total_tokens, limit),
          projected_percent: pace === undefined ? null : percentOf(pace.projected_total_tokens, limit),
          exceeded: block.total_tokens > limit,
        },
        rate_limits: rateLimitsIn(block, samples),
      }
    })
    if (args.json) return yield* printJson({ blocks: report })
    if (report.length === 0) return yield* Console.log(args.active ? "No active block." : "No usage recorded yet.")
    yield* Console.log(renderTable(
      ["START", "END", "LAST ACTIVITY", "TOKENS", ...(limit === undefined ? [] : ["OF LIMIT"]), "COST", "MODELS", "RATE LIMITS"],
      report.map((block) => [
        `${local(block.start)}${block.active ? " (active)" : ""}`,
        local(block.end),
        local(block.last_activity),
        humanCount(block.total_tokens),
        ...(block.token_limit === null ? [] : [`${block.token_limit.used_percent}%`]),
        humanUsd(block.cost_usd),
        block.models.map(modelFamily).join(", "),
        block.rate_limits === null ? "" : [
          block.rate_limits.five_hour_percent === null ? undefined : `5h ${Math.round(block.rate_limits.five_hour_percent)}%`,
          block.rate_limits.seven_day_percent === null ? undefined : `7d ${Math.round(block.rate_limits.seven_day_percent)}%`,
        ].filter((part) => part !== undefined).join(" "),
      ]),
    ))
    const running = report.find((block) => block.active)
    if (running?.pace) {
      const { pace } = running
      const projectedShare = running.token_limit?.projected_percent ?? null
      yield* Console.log(
        `Active block: ${humanCount(pace.tokens_per_minute)} tokens/min, ${humanUsd(pace.cost_per_hour)}/h, ${pace.minutes_left} min left; ` +
          `projected ${humanCount(pace.projected_total_tokens)} tokens, ${humanUsd(pace.projected_cost_usd)} at its end` +
          (projectedShare === null ? "" : ` (${projectedShare}% of the limit)`),
      )
    }
    for (const block of report.filter((block) => block.token_limit?.exceeded === true)) {
      yield* Console.log(`Warning: the block from ${local(block.start)} used ${block.token_limit?.used_percent}% of the token limit (${humanCount(limit ?? 0)}).`)
    }
  })).pipe(Command.withDescription("Claude's five-hour usage blocks, as ccusage shows them, with the running block's pace; yours unless --user or --all-users."))
