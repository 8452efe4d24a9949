import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { resolveActor } from "../config/identity.js"
import { isStubSession } from "../projections/stub-session.js"
import { inboxBadge, recentBanner } from "./banner-text.js"
import { budgetWarning } from "./budget-standing.js"
import { withQueuedEntryChanges } from "./queued-entry-changes.js"
import { readSnapshot, unreadInboxCount } from "./session-start-snapshot.js"

/**
 * The two commands Claude Code runs at every session start. They read only the snapshot, so
 * they need neither Effect nor DuckDB, never wait for a lock, and print nothing when there is
 * nothing (or no database) to show.
 */
export const recentOutput = (options: { readonly limit: number; readonly json: boolean }, env: NodeJS.ProcessEnv) => {
  const snapshot = readSnapshot(dataPathsIn(resolveDataDir(env)).snapshot)
  // New snapshots keep no stubs; one an older version wrote may still hold some.
  const sessions = (snapshot?.recentSessions ?? []).filter((session) => !isStubSession(session)).slice(0, Math.max(0, options.limit))
  return options.json ? JSON.stringify(sessions, null, 2) : recentBanner(sessions)
}

export const inboxCountOutput = (env: NodeJS.ProcessEnv): string => {
  const paths = dataPathsIn(resolveDataDir(env))
  const snapshot = readSnapshot(paths.snapshot)
  return snapshot === undefined ? "" : inboxBadge(unreadInboxCount(withQueuedEntryChanges(snapshot, paths.spoolDir), resolveActor(env)))
}

export const defaultRecentLimit = 3

/** The budget line of the banner: empty unless a budget of the user is at 80% or more. */
export const budgetWarningOutput = (env: NodeJS.ProcessEnv, now: Date): string =>
  budgetWarning(readSnapshot(dataPathsIn(resolveDataDir(env)).snapshot)?.budgets, now)

/**
 * What the SessionStart hook prints: the recent-sessions banner, the inbox badge and the budget
 * warning (any may be empty). Plain stdout of a SessionStart hook is added to Claude's context, so it stays short.
 */
export const sessionStartOutput = (env: NodeJS.ProcessEnv): string =>
  [recentOutput({ limit: defaultRecentLimit, json: false }, env), inboxCountOutput(env), budgetWarningOutput(env, new Date())]
    .filter((part) => part !== "").join("\n")
