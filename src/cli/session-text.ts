import type { SessionModelRow } from "../projections/session-rows.js"
import type { SessionView } from "../sessions/session-queries.js"
import { humanCount, humanUsd } from "../snapshot/banner-text.js"
import { truncateToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import { renderTable, shortTime } from "./text-table.js"

/** Claude Code's own cost of a session; a search index written before the field existed has none. */
const claudeCost = (session: SessionView): number | undefined => (typeof session.cc_cost_usd === "number" ? session.cc_cost_usd : undefined)

const claudeCostCell = (session: SessionView) => {
  const reported = claudeCost(session)
  return reported === undefined ? "" : humanUsd(reported)
}

/** Claude Code's own figure beside ours, when any listed session's transcript carried one. */
export const sessionsTable = (sessions: ReadonlyArray<SessionView>): string => {
  const withClaudeCost = sessions.some((session) => claudeCost(session) !== undefined)
  return renderTable(
    ["ENDED", "PROJECT", "TITLE", "MIN", "TOKENS", "COST", ...(withClaudeCost ? ["CC COST"] : []), "BY", "SESSION"],
    sessions.map((session) => [
      shortTime(session.ended_at),
      session.project,
      truncateToWidth(printableLine(session.title ?? "(untitled)"), 60),
      String(Math.round(session.duration_min)),
      humanCount(session.total_tokens),
      humanUsd(session.cost_usd),
      ...(withClaudeCost ? [claudeCostCell(session)] : []),
      session.created_by,
      session.session_id.slice(0, 8),
    ]),
  )
}

/** Beyond this share apart, our cost and Claude Code's are worth a word: a price table out of date, a response missed. */
const costDifferenceWorthSaying = 0.01

const claudeCostLine = (session: SessionView): string | undefined => {
  const reported = claudeCost(session)
  if (reported === undefined) return undefined
  const reference = Math.max(Math.abs(reported), Math.abs(session.cost_usd))
  const difference = reference === 0 ? 0 : Math.abs(session.cost_usd - reported) / reference
  const differs = difference > costDifferenceWorthSaying
    ? ` (ours differs by ${(difference * 100).toFixed(1)}%: prices.json may be out of date, or responses were counted elsewhere)`
    : ""
  return `cost: ${humanUsd(session.cost_usd)}   Claude Code reported: ${humanUsd(reported)}${differs}`
}

export const sessionDetail = (session: SessionView, models: ReadonlyArray<SessionModelRow>): string =>
  [
    ...[
      session.title ?? "(untitled)",
      `session: ${session.session_id}`,
      `project: ${session.project}   cwd: ${session.cwd}   branch: ${session.git_branch ?? "-"}`,
      `started: ${shortTime(session.started_at)}   ended: ${shortTime(session.ended_at)}   ${Math.round(session.duration_min)} min`,
      `type: ${session.session_type}   messages: ${session.message_count}   tool calls: ${session.tool_call_count}   skills: ${session.skills_used || "-"}`,
      `Claude Code ${session.cc_version ?? "?"}   recorded by ${session.created_by}`,
      ...[claudeCostLine(session)].filter((line) => line !== undefined),
    ].map(printableLine),
    "",
    renderTable(
      ["MODEL", "INPUT", "OUTPUT", "CACHE WRITE", "CACHE READ", "TOTAL", "COST"],
      [...models, { ...session, model: "total" }].map((row) => [
        row.model,
        humanCount(row.input_tokens),
        humanCount(row.output_tokens),
        humanCount(row.cache_write_tokens),
        humanCount(row.cache_read_tokens),
        humanCount(row.total_tokens),
        humanUsd(row.cost_usd),
      ]),
    ),
  ].join("\n")
