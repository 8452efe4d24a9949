import type { BackfillSummary } from "../recording/backfill.js"

/** What `backfill` prints when it is done, whether the full CLI or the light path answers. */
export const backfillSummaryText = (summary: BackfillSummary): string => {
  const notRecorded = summary.notRecorded === 0 ? "" : `${summary.notRecorded} not recorded (see the log), `
  const unknown = summary.unknownModels.length === 0 ? "" : `; unknown models priced at $0: ${summary.unknownModels.join(", ")} (add them to prices.json)`
  return `backfill: ${summary.recorded} session(s) recorded, ${summary.unchanged} unchanged, ${summary.skipped} skipped (files unchanged), ${notRecorded}${summary.malformedLines} malformed line(s)${unknown}`
}
