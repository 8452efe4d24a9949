import type { BrowserSessionRow } from "../sessions/session-queries.js"
import type { Period, UsageRow } from "../sessions/usage-summary.js"

/** A session as the browser lists it (sessions from other devices too: `created_by` says whose). */
export interface BrowserSession extends BrowserSessionRow {
  /** False when the transcript is not on this machine (another device, or deleted): cannot resume. */
  readonly transcript_here: boolean
}

/** One turn of a conversation, as the viewer shows it (never raw JSON). */
export interface ConversationTurn {
  readonly role: "user" | "assistant" | "tool"
  readonly text: string
}

/** One tool call, as the viewer's Activity view shows it. */
export interface ActivityEntry {
  readonly called_at: string | null
  readonly tool: string
  readonly target: string | null
  readonly errored: boolean
  /** Why it is risky, or null. */
  readonly risk: string | null
}

export interface ProjectUsage {
  readonly project: string
  readonly total_tokens: number
  readonly cost_usd: number
}

export interface SummaryData {
  /** The span shown ("2026-11"), and its buckets: hours of a day, days of a month or months of a year. */
  readonly range: string
  readonly buckets: ReadonlyArray<string>
  readonly rows: ReadonlyArray<UsageRow>
  readonly byProject: ReadonlyArray<ProjectUsage>
}

/** What the browser may ask of the CLI; each opens the database only for its own work. */
export interface BrowserActions {
  /** Started before the first frame and awaited only by the screens that need the list. */
  readonly loadSessions: () => Promise<ReadonlyArray<BrowserSession>>
  readonly loadSummary: (period: Period) => Promise<SummaryData>
  readonly searchContent: (term: string) => Promise<ReadonlyMap<string, string>>
  readonly loadConversation: (transcriptPath: string) => ReadonlyArray<ConversationTurn>
  /** The session's tool calls in order (kept on this machine only; none for another device's session). */
  readonly loadActivity: (sessionId: string) => Promise<ReadonlyArray<ActivityEntry>>
}

export type BrowserOutcome = { readonly kind: "quit" } | { readonly kind: "resume"; readonly session: BrowserSession }
