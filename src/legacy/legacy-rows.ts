/**
 * Rows of the Python original's (0.3.45) tables, as read by column name: every column may be
 * missing from an older file (it added some with ADD COLUMN) or NULL, so each is optional here
 * and defaulted where it is converted. Times are ISO-8601 UTC strings.
 */
export interface LegacyEntryRow {
  readonly id: string
  readonly session_id: string | null
  readonly logged_at: string | null
  readonly category: string | null
  readonly status: string | null
  readonly title: string | null
  readonly body: string | null
  readonly updated_at: string | null
  readonly created_by: string | null
  readonly updated_by: string | null
  /** Not a column of `log_entries`: the project of the entry's session, when it is known. */
  readonly project: string | null
}

export interface LegacySessionRow {
  readonly session_id: string
  readonly project: string | null
  readonly cwd: string | null
  readonly session_date: string | null
  readonly started_at: string | null
  readonly ended_at: string | null
  readonly duration_min: number | null
  readonly models: string | null
  readonly input_tokens: number | null
  readonly output_tokens: number | null
  readonly cache_write_tokens: number | null
  readonly cache_read_tokens: number | null
  readonly cost_usd: number | null
  readonly message_count: number | null
  readonly tool_call_count: number | null
  readonly skills_used: string | null
  readonly git_branch: string | null
  readonly cc_version: string | null
  readonly title: string | null
  readonly session_type: string | null
  readonly created_by: string | null
}

export interface LegacyModelRow {
  readonly session_id: string
  readonly model: string
  readonly input_tokens: number | null
  readonly output_tokens: number | null
  readonly cache_write_tokens: number | null
  readonly cache_read_tokens: number | null
  readonly cost_usd: number | null
}

/** Everything one source holds. `inboxWatermark` only exists in a local file's `meta` table. */
export interface LegacyData {
  readonly entries: ReadonlyArray<LegacyEntryRow>
  readonly sessions: ReadonlyArray<LegacySessionRow>
  readonly models: ReadonlyArray<LegacyModelRow>
  readonly inboxWatermark: string | null
}
