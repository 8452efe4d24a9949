import { Box, Text } from "ink"
import { fitToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { FamilyStyle } from "./family-style.js"
import { Painted } from "./painted.js"

/** One bar of a breakdown: its name, its length in proportion to the largest, its value. */
export interface BreakdownRow {
  readonly name: string
  readonly value: number
  readonly shown: string
  readonly style?: FamilyStyle
}

export interface Breakdown {
  readonly title: string
  readonly rows: ReadonlyArray<BreakdownRow>
}

const nameWidth = 14
const valueWidth = 7

/** Lines a list of breakdowns takes: side by side, the tallest one's; one under another, all of them. */
export const breakdownsHeight = (breakdowns: ReadonlyArray<Breakdown>, sideBySide: boolean): number =>
  sideBySide
    ? 1 + Math.max(0, ...breakdowns.map((breakdown) => breakdown.rows.length))
    : breakdowns.reduce((sum, breakdown) => sum + 1 + breakdown.rows.length, 0)

/** Below this width the breakdowns go one under another. */
export const sideBySideFrom = 96

const BreakdownBlock = ({ breakdown, width }: { readonly breakdown: Breakdown; readonly width: number }) => {
  const max = Math.max(0, ...breakdown.rows.map((row) => row.value))
  const barWidth = Math.max(1, width - nameWidth - valueWidth - 2)
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{breakdown.title}</Text>
      {breakdown.rows.map((row) => (
        <Text key={row.name} wrap="truncate-end">
          {fitToWidth(printableLine(row.name), nameWidth)}{" "}
          <Painted colour={row.style?.colour}>{(row.style?.glyph ?? "█").repeat(max === 0 ? 0 : Math.round((row.value / max) * barWidth))}</Painted>
          {" "}{row.shown}
        </Text>
      ))}
    </Box>
  )
}

/** By project, by model, by token component: side by side on a wide terminal. */
export const Breakdowns = ({ breakdowns, width }: { readonly breakdowns: ReadonlyArray<Breakdown>; readonly width: number }) => {
  const sideBySide = width >= sideBySideFrom
  const blockWidth = sideBySide ? Math.floor(width / breakdowns.length) - 1 : width - 1
  return (
    <Box flexDirection={sideBySide ? "row" : "column"} columnGap={1}>
      {breakdowns.map((breakdown) => <BreakdownBlock key={breakdown.title} breakdown={breakdown} width={blockWidth} />)}
    </Box>
  )
}
