import type { SessionModelView, SessionView } from "../sessions/session-queries.js"
import { humanCount, humanUsd } from "../snapshot/banner-text.js"
import { truncateToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import { renderTable, shortTime } from "./text-table.js"

export const sessionsTable = (sessions: ReadonlyArray<SessionView>): string =>
  renderTable(
    ["ENDED", "PROJECT", "TITLE", "MIN", "TOKENS", "COST", "SESSION"],
    sessions.map((session) => [
      shortTime(session.ended_at),
      session.project,
      truncateToWidth(printableLine(session.title ?? "(untitled)"), 60),
      String(Math.round(session.duration_min)),
      humanCount(session.total_tokens),
      humanUsd(session.cost_usd),
      session.session_id.slice(0, 8),
    ]),
  )

export const sessionDetail = (session: SessionView, models: ReadonlyArray<SessionModelView>): string =>
  [
    ...[
      session.title ?? "(untitled)",
      `session: ${session.session_id}`,
      `project: ${session.project}   cwd: ${session.cwd}   branch: ${session.git_branch ?? "-"}`,
      `started: ${shortTime(session.started_at)}   ended: ${shortTime(session.ended_at)}   ${Math.round(session.duration_min)} min`,
      `type: ${session.session_type}   messages: ${session.message_count}   tool calls: ${session.tool_call_count}   skills: ${session.skills_used || "-"}`,
      `Claude Code ${session.cc_version ?? "?"}   recorded by ${session.created_by}`,
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
