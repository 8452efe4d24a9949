/** One column of the chart: its axis label and its values by family, bottom of the stack first. */
export interface ChartColumn {
  readonly axisLabel: string
  readonly segments: ReadonlyArray<{ readonly family: string; readonly value: number }>
}

/** A stretch of one chart row drawn alike: blank (no family) or one family's segment. */
export interface Run {
  readonly text: string
  readonly family: string | undefined
}

export interface ChartLayout {
  /** The values, above the columns; staggered over several rows when the columns are narrow. */
  readonly valueRows: ReadonlyArray<string>
  /** The bars, top row first. */
  readonly barRows: ReadonlyArray<ReadonlyArray<Run>>
  readonly axisRow: string
}

const totalOf = (column: ChartColumn) => column.segments.reduce((sum, segment) => sum + segment.value, 0)

/** Writes `text` into a row of characters at `at`, as far as the row goes. */
const place = (row: Array<string>, at: number, text: string) => {
  for (let index = 0; index < text.length && at + index < row.length; index++) row[at + index] = text[index] ?? " "
}

/** Merges neighbouring cells of the same family into runs. */
const runsOf = (cells: ReadonlyArray<{ readonly char: string; readonly family: string | undefined }>): ReadonlyArray<Run> =>
  cells.reduce<Array<Run>>((runs, cell) => {
    const last = runs[runs.length - 1]
    if (last !== undefined && last.family === cell.family) runs[runs.length - 1] = { text: last.text + cell.char, family: last.family }
    else runs.push({ text: cell.char, family: cell.family })
    return runs
  }, [])

/**
 * Each bucket's share of the width and its bar (a gap of one between bars when there is room),
 * leaving room on the right for the last value; and how many rows the values need so that no
 * two on one row touch.
 */
const geometry = (columns: ReadonlyArray<ChartColumn>, width: number, format: (value: number) => string) => {
  const values = columns.map((column) => (totalOf(column) > 0 ? format(totalOf(column)) : ""))
  const widest = Math.max(1, ...values.map((value) => value.length))
  const slot = Math.max(1, Math.floor((width - widest + 1) / Math.max(1, columns.length)))
  return { values, slot, bar: slot >= 2 ? slot - 1 : 1, valueRows: Math.ceil((widest + 1) / slot) }
}

/** Rows the values take above the bars, for sizing the chart before drawing it. */
export const valueRowsNeeded = (columns: ReadonlyArray<ChartColumn>, width: number, format: (value: number) => string): number =>
  geometry(columns, width, format).valueRows

/**
 * A stacked column chart in character cells: one column per bucket across `width`, `barHeight`
 * rows tall, its value on top (empty buckets have none) and its label below (as many as fit).
 */
export const columnChart = (columns: ReadonlyArray<ChartColumn>, options: {
  readonly width: number
  readonly barHeight: number
  readonly format: (value: number) => string
  readonly glyphOf: (family: string) => string
}): ChartLayout => {
  const { values, slot, bar, valueRows: valueRowCount } = geometry(columns, options.width, options.format)
  const max = Math.max(0, ...columns.map(totalOf))
  const valueRows = Array.from({ length: valueRowCount }, () => Array<string>(options.width).fill(" "))
  values.forEach((value, index) => {
    // The first column's value on the lowest row, the next one a row higher, and so on: nearest its bar.
    const row = valueRows[valueRows.length - 1 - (index % valueRows.length)]
    if (row !== undefined) place(row, index * slot, value)
  })

  // Per column, the family filling each row from the bottom: cumulative values rounded to rows.
  const stacks = columns.map((column) => {
    const filled: Array<string | undefined> = Array(options.barHeight).fill(undefined)
    let sum = 0
    for (const segment of column.segments) {
      const from = max === 0 ? 0 : Math.round((sum / max) * options.barHeight)
      sum += segment.value
      const to = max === 0 ? 0 : Math.round((sum / max) * options.barHeight)
      for (let row = from; row < to; row++) filled[row] = segment.family
    }
    return filled
  })
  const barRows = Array.from({ length: options.barHeight }, (_, fromTop) => {
    const row = options.barHeight - 1 - fromTop
    return runsOf(columns.flatMap((column, index) => {
      const family = stacks[index]?.[row]
      // A value too small for one row still shows, as a sliver on the axis.
      const largest = [...column.segments].sort((a, b) => b.value - a.value)[0]
      const sliver = row === 0 && family === undefined && totalOf(column) > 0 && largest !== undefined
      const cell = family !== undefined
        ? { char: options.glyphOf(family), family }
        : sliver ? { char: "▁", family: largest.family } : { char: " ", family: undefined }
      return [...Array<typeof cell>(bar).fill(cell), ...Array<typeof cell>(slot - bar).fill({ char: " ", family: undefined })]
    }))
  })

  const axis = Array<string>(options.width).fill(" ")
  const labelWidth = Math.max(0, ...columns.map((column) => column.axisLabel.length))
  const every = Math.ceil((labelWidth + 1) / slot)
  columns.forEach((column, index) => index % every === 0 && place(axis, index * slot, column.axisLabel))
  return {
    valueRows: valueRows.map((row) => row.join("").trimEnd()),
    barRows,
    axisRow: axis.join("").trimEnd(),
  }
}
