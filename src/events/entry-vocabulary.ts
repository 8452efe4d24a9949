import { Schema } from "effect"

// The words of the note domain, shared by the events, the folds and the commands.

export const categories = ["finding", "task", "decision", "issue", "note"] as const
export const Category = Schema.Literal(...categories)
export type Category = typeof Category.Type

export const statuses = ["open", "in_progress", "blocked", "resolved", "info"] as const
export const Status = Schema.Literal(...statuses)
export type Status = typeof Status.Type

/** issue / finding / task start open; decision / note are informational. */
export const defaultStatus = (category: Category): Status =>
  category === "decision" || category === "note" ? "info" : "open"
