// The words of the note domain as plain values, without Effect, for the launcher's light path;
// entry-vocabulary.ts builds the schemas from them.

export const categories = ["finding", "task", "decision", "issue", "note"] as const
export type CategoryWord = (typeof categories)[number]

export const statuses = ["open", "in_progress", "blocked", "resolved", "info"] as const
export type StatusWord = (typeof statuses)[number]

/** issue / finding / task start open; decision / note are informational. */
export const defaultStatus = (category: CategoryWord): StatusWord =>
  category === "decision" || category === "note" ? "info" : "open"

export const isCategory = (text: string): text is CategoryWord => (categories as ReadonlyArray<string>).includes(text)
export const isStatus = (text: string): text is StatusWord => (statuses as ReadonlyArray<string>).includes(text)
