import type { ActivitySummary, CheckedCall } from "../activity/activity-summary.js"
import { truncateCodePoints } from "../terminal/code-point-width.js"
import { renderTable, shortTime } from "./text-table.js"

/** How wide a target may be in a table: a long command shows its start, `--json` has it whole. */
const targetWidth = 80

/** A target on one line, cut to `targetWidth` (with an ellipsis). */
const clip = (target: string | null): string => truncateCodePoints((target ?? "").replace(/\s+/g, " ").trim(), targetWidth)

export type ActivitySection = "files" | "commands" | "urls" | "risky"

const section = (title: string, head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> =>
  rows.length === 0 ? [] : ["", title, renderTable(head, rows)]

const riskyTable = (calls: ReadonlyArray<CheckedCall>) =>
  section("Risky calls", ["TIME", "SESSION", "TOOL", "TARGET", "WHY"], calls.map((call) => [
    shortTime(call.called_at),
    call.session_id.slice(0, 8),
    call.tool,
    clip(call.target),
    call.risk ?? "",
  ]))

/** The period's summary; `only` keeps just the sections asked for. */
export const summaryText = (summary: ActivitySummary, only: ReadonlyArray<ActivitySection>): string => {
  if (summary.calls === 0) return "No tool calls recorded for this selection (run `claude-session-logger backfill` to read past sessions)."
  const wants = (name: ActivitySection) => only.length === 0 || only.includes(name)
  const lines = [
    `${summary.calls} tool call(s) in ${summary.sessions} session(s)`,
    ...(only.length === 0
      ? section("Calls per tool", ["TOOL", "CALLS", "ERRORS"], summary.per_tool.map((row) => [row.tool, String(row.calls), String(row.errors)]))
      : []),
    ...(wants("files")
      ? [
        ...section("Most edited files", ["FILE", "EDITS"], summary.most_edited_files.map((row) => [clip(row.file), String(row.edits)])),
        ...section("Most read files", ["FILE", "READS"], summary.most_read_files.map((row) => [clip(row.file), String(row.reads)])),
        ...section("Read again in the same session", ["FILE", "SESSION", "READS"], summary.read_repeatedly.map((row) => [
          clip(row.file),
          row.session_id.slice(0, 8),
          String(row.reads),
        ])),
      ]
      : []),
    ...(wants("commands")
      ? section("Commands", ["COMMAND", "RUNS", "ERRORS"], summary.commands.map((row) => [clip(row.command), String(row.runs), String(row.errors)]))
      : []),
    ...(wants("urls") ? section("URLs and searches", ["URL OR QUERY", "CALLS"], summary.urls.map((row) => [clip(row.url), String(row.calls)])) : []),
    ...(wants("risky") ? riskyTable(summary.risky) : []),
  ]
  return lines.join("\n")
}

/** One session's calls in order: time, tool, target, ✗ when it failed, why it is risky. */
export const timelineText = (calls: ReadonlyArray<CheckedCall>): string =>
  calls.length === 0
    ? "No tool calls recorded for this session."
    : renderTable(["TIME", "TOOL", "TARGET", "", "RISK"], calls.map((call) => [
      shortTime(call.called_at),
      `${call.tool}${call.in_subagent ? " (subagent)" : ""}`,
      clip(call.target),
      call.errored ? "✗" : "",
      call.risk ?? "",
    ]))
