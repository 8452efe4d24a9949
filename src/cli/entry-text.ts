import type { EntryView } from "../entries/entry-queries.js"
import { printableLine, printableText } from "../terminal/printable-text.js"
import { renderTable, shortTime } from "./text-table.js"

/** `withProject` adds a PROJECT column, for listings that span projects. */
export const entriesTable = (entries: ReadonlyArray<EntryView>, options: { readonly withProject?: boolean } = {}): string =>
  renderTable(
    ["ID", "CATEGORY", "STATUS", ...(options.withProject === true ? ["PROJECT"] : []), "TITLE", "UPDATED", "BY"],
    entries.map((entry) => [
      entry.short_id,
      entry.category,
      entry.status,
      ...(options.withProject === true ? [entry.project ?? "-"] : []),
      entry.title,
      shortTime(entry.updated_at),
      entry.updated_by,
    ]),
  )

export const entryDetail = (entry: EntryView): string =>
  [
    `${entry.short_id}  ${entry.category}  [${entry.status}]  ${printableLine(entry.title)}`,
    `id: ${entry.id}`,
    printableLine(`project: ${entry.project ?? "-"}   session: ${entry.session_id ?? "-"}`),
    printableLine(`logged: ${shortTime(entry.logged_at)} by ${entry.created_by}   updated: ${shortTime(entry.updated_at)} by ${entry.updated_by}`),
    ...(entry.body === "" ? [] : ["", printableText(entry.body)]),
  ].join("\n")
