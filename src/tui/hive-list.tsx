import { Box, Text } from "ink"
import type { ReactNode } from "react"

/** The first row to show so that the cursor's row stays on screen, near the middle once the list scrolls. */
const firstShown = (cursorRow: number, rows: number, visible: number) =>
  Math.max(0, Math.min(cursorRow - Math.floor(visible / 2), rows - visible))

/** Rows of a list, as many as fit in `visible` lines, each cut to one line; the cursor's row wears "›" (seen without colours too). */
export const HiveList = ({ rows, cursorRow, visible }: {
  readonly rows: ReadonlyArray<{ readonly key: string; readonly content: ReactNode; readonly selectable: boolean }>
  readonly cursorRow: number
  readonly visible: number
}) => {
  const first = firstShown(cursorRow, rows.length, Math.max(1, visible))
  return (
    <Box flexDirection="column">
      {rows.slice(first, first + Math.max(1, visible)).map((row, index) => {
        const isCursor = first + index === cursorRow
        return (
          <Text key={row.key} wrap="truncate-end" inverse={isCursor}>
            {row.selectable ? (isCursor ? "› " : "  ") : ""}
            {row.content}
          </Text>
        )
      })}
    </Box>
  )
}
