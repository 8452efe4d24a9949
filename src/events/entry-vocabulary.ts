import { Schema } from "effect"
import { categories, statuses } from "./entry-words.js"

// The words of the note domain, shared by the events, the folds and the commands.

export { categories, defaultStatus, statuses } from "./entry-words.js"

export const Category = Schema.Literal(...categories)
export type Category = typeof Category.Type

export const Status = Schema.Literal(...statuses)
export type Status = typeof Status.Type
