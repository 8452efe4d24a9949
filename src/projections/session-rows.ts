import { Schema } from "effect"
import { column } from "../store/table-columns.js"

const count = column(Schema.Number, "BIGINT")

/**
 * The token counts, their total and the cost, as every usage row carries them: a session, a
 * session's model, an hour of it, and the reports summed from them. Cache writes of both lifetimes
 * are one count here (the events keep them apart, for pricing).
 */
export const UsageTotals = Schema.Struct({
  input_tokens: count,
  output_tokens: count,
  cache_write_tokens: count,
  cache_read_tokens: count,
  total_tokens: count,
  cost_usd: column(Schema.Number, "DOUBLE"),
})
export type UsageTotals = typeof UsageTotals.Type

const text = column(Schema.String, "VARCHAR")
const optionalText = column(Schema.NullOr(Schema.String), "VARCHAR")
const instant = column(Schema.NullOr(Schema.String), "TIMESTAMPTZ")

/**
 * A row of `sessions`, in the original tool's column names and its table's column order: the
 * table, the fold and every view of a session (`sessions --json`, the snapshot, the browser, the
 * search index, `export`) derive from it.
 */
export const SessionRow = Schema.Struct({
  session_id: text,
  project: text,
  cwd: text,
  started_at: instant,
  ended_at: instant,
  duration_min: column(Schema.Number, "DOUBLE"),
  models: text,
  ...UsageTotals.fields,
  message_count: column(Schema.Number, "INTEGER"),
  tool_call_count: column(Schema.Number, "INTEGER"),
  skills_used: text,
  git_branch: optionalText,
  cc_version: optionalText,
  title: optionalText,
  session_type: text,
  created_by: text,
  device_id: text,
  /** What Claude Code itself reported the session cost, when its transcript carried it. */
  cc_cost_usd: column(Schema.NullOr(Schema.Number), "DOUBLE"),
  transcript_path: optionalText,
  last_event_id: text,
})
export type SessionRow = typeof SessionRow.Type

/** A row of `session_models`: one model's usage in a session. */
export const SessionModelRow = Schema.Struct({ session_id: text, model: text, ...UsageTotals.fields })
export type SessionModelRow = typeof SessionModelRow.Type

/** A row of `session_usage_hourly`: usage bucketed by the UTC hour of each API response, what daily and hourly summaries sum. */
export const SessionHourRow = Schema.Struct({
  session_id: text,
  hour: column(Schema.String, "TIMESTAMPTZ"),
  model: text,
  ...UsageTotals.fields,
})
export type SessionHourRow = typeof SessionHourRow.Type
