import { readFileSync } from "node:fs"
import type { UsageBlock } from "../usage/usage-blocks.js"
import type { BudgetSnapshot } from "./budget-snapshot.js"
import type { RecentSession } from "./recent-session.js"
import { replaceFile } from "./replace-file.js"

/**
 * What the session-start hot path needs, kept beside the database as a small JSON file that
 * every process refreshes after its database work. `recent` and `inbox --count` read only this,
 * so they start in a few milliseconds, never wait for DuckDB's lock, and never fail.
 */
export interface SessionStartSnapshot {
  readonly version: 1
  /** The newest event id the database held: the causal floor for ids made while it is locked. */
  readonly newestEventId: string | null
  /** How many events the database held (absent in snapshots of older versions): with the newest id, what caches built from the store compare. */
  readonly eventCount?: number
  readonly recentSessions: ReadonlyArray<RecentSession>
  /** The most recent entries' last changes, enough to count anyone's inbox badge. */
  readonly entryChanges: ReadonlyArray<EntryChange>
  /** Inbox watermark per reader on this device. */
  readonly watermarks: Readonly<Record<string, string>>
  /** What the status line shows; snapshots written before it existed lack it. */
  readonly usage?: SnapshotUsage
  /** The user's budgets and spend (absent in snapshots written before budgets existed). */
  readonly budgets?: BudgetSnapshot
  /** Whether the user publishes or subscribes in a hive (absent before hives existed). */
  readonly hiveInUse?: boolean
}

/** The usage of the user whose process wrote the snapshot (`created_by`), recent enough for the status line. */
export interface SnapshotUsage {
  readonly actor: string
  /** Cost per UTC hour over the last two days, from which the status line sums "today" in any time zone. */
  readonly hourlyCost: ReadonlyArray<{ readonly hour: string; readonly cost_usd: number }>
  /** The newest five-hour block, which the status line shows while it is still running. */
  readonly latestBlock: UsageBlock | null
}

export interface EntryChange {
  /** Absent from snapshots written before the light path queued changes that the badge must count. */
  readonly entryId?: string
  readonly lastEventId: string
  readonly updatedBy: string
}

/** How many recent sessions the snapshot keeps; `recent --limit` can show up to this many. */
export const recentSessionsKept = 20

/** The badge counts unread changes among this many most recently changed entries, so the snapshot stays small. */
export const inboxChangesKept = 1000

export const readSnapshot = (path: string): SessionStartSnapshot | undefined => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"))
    return typeof parsed === "object" && parsed !== null && (parsed as { version?: unknown }).version === 1
      ? (parsed as SessionStartSnapshot)
      : undefined
  } catch {
    return undefined
  }
}

export const writeSnapshot = (path: string, snapshot: SessionStartSnapshot): void => replaceFile(path, JSON.stringify(snapshot))

/** Entries whose last change was made by someone else after the reader's watermark. */
export const unreadInboxCount = (snapshot: SessionStartSnapshot, reader: string): number => {
  const watermark = snapshot.watermarks[reader] ?? ""
  return snapshot.entryChanges.filter((change) => change.updatedBy !== reader && change.lastEventId > watermark).length
}
