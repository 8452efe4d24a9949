import Table from "cli-table3"
import { printableLine } from "../terminal/printable-text.js"

const borderless = {
  top: "", "top-mid": "", "top-left": "", "top-right": "",
  bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  ",
}

const trimLineEnds = (text: string): string => text.split("\n").map((line) => line.trimEnd()).join("\n")

/** cli-table3's layout of cells already made printable: columns as wide as their widest cell by display width, two spaces apart. */
export const libraryTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const table = new Table({
    head: [...head],
    chars: borderless,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  })
  table.push(...rows.map((row) => [...row]))
  return trimLineEnds(table.toString())
}

const printableAscii = /^[\x20-\x7e]*$/

/**
 * The same layout for the common table, every cell printable ASCII and every row as long as the
 * head, where a character's display width is 1 under any width table (the test compares the two). cli-table3 spends about
 * 15 ms of a `list` laying out 50 rows (it merges options per cell and measures each with
 * string-width), a sixth of the command; this takes well under one.
 */
const asciiTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string | undefined => {
  const lines = [head, ...rows]
  if (head.length === 0 || !lines.every((line) => line.length === head.length && line.every((cell) => printableAscii.test(cell)))) return undefined
  // At least 1, as in cli-table3: a column of empty cells still takes a space.
  const widths = head.map((_, column) => lines.reduce((widest, line) => Math.max(widest, line[column]?.length ?? 0), 1))
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(borderless.middle).trimEnd()).join("\n")
}

/**
 * Plain aligned columns: readable in a terminal and in Claude's context alike. Every cell is made
 * printable here, so no table shows a control byte; cli-table3 aligns by display width.
 */
export const renderTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const printableRows = rows.map((row) => row.map(printableLine))
  return asciiTable(head, printableRows) ?? libraryTable(head, printableRows)
}

/** "2026-11-21T10:00:00.000Z" → "2026-11-21 10:00". */
export const shortTime = (iso: string | null): string => (iso === null ? "" : iso.slice(0, 16).replace("T", " "))
