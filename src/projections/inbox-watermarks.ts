import { Effect } from "effect"
import { replaceRows } from "../store/insert-rows.js"
import { isOf, readDecoded } from "./decoded-events.js"
import { type Projection, projectionTable } from "./projection.js"

export const inboxWatermarksTable = projectionTable("inbox_watermarks")

/** Per reader on this device, the newest change they have seen in the inbox. Never synced. */
export const inboxWatermarksProjection: Projection = {
  name: "inbox_watermarks",
  version: 2,
  tables: ["inbox_watermarks"],
  createTables: [
    `CREATE TABLE IF NOT EXISTS ${inboxWatermarksTable} (reader VARCHAR PRIMARY KEY, watermark VARCHAR NOT NULL)`,
  ],
  eventTypes: ["InboxWatermarkAdvanced"],
  refresh: (db, entityIds, known) =>
    Effect.gen(function* () {
      const events = (yield* readDecoded(db, { types: ["InboxWatermarkAdvanced"], entityIds }, known))
        .filter(isOf("InboxWatermarkAdvanced"))
      // A watermark only moves forward, so a late-arriving older advance changes nothing.
      const newest = new Map<string, string>()
      for (const { event } of events) {
        if ((newest.get(event.reader) ?? "") < event.watermark) newest.set(event.reader, event.watermark)
      }
      const rows = [...newest].map(([reader, watermark]) => ({ reader, watermark }))
      yield* replaceRows(db, inboxWatermarksTable, "reader", entityIds, { reader: "VARCHAR", watermark: "VARCHAR" }, rows)
    }),
}
