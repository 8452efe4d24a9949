/**
 * A session Claude Code opened and closed without a conversation (no prompt, so no title, and no
 * API call, so no tokens). It is not worth showing at session start or at the top of a list.
 */
export const isStubSession = (session: { readonly title: string | null; readonly total_tokens: number }): boolean =>
  (session.title === null || session.title.trim() === "") && session.total_tokens === 0

/** The same rule over the sessions table's columns, for queries that must not spend a row on a stub. */
export const notStubSessionSql = "NOT (coalesce(trim(title), '') = '' AND total_tokens = 0)"
