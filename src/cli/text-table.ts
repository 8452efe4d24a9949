import Table from "cli-table3"
import { printableLine } from "../terminal/printable-text.js"

/**
 * Plain aligned columns: readable in a terminal and in Claude's context alike. Every cell is made
 * printable here, so no table shows a control byte; cli-table3 aligns by display width.
 */
export const renderTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const table = new Table({
    head: [...head],
    chars: {
      top: "", "top-mid": "", "top-left": "", "top-right": "",
      bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
      left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  ",
    },
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  })
  table.push(...rows.map((row) => row.map(printableLine)))
  return table.toString().split("\n").map((line) => line.trimEnd()).join("\n")
}

/** "2026-11-21T10:00:00.000Z" → "2026-11-21 10:00". */
export const shortTime = (iso: string | null): string => (iso === null ? "" : iso.slice(0, 16).replace("T", " "))
