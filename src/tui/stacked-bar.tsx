import { Box, Text } from "ink"
import { modelFamily } from "../sessions/model-family.js"

/** Colours by model family, in a fixed order, so a family keeps its colour on every bar. */
const palette = ["magenta", "cyan", "yellow", "green", "blue", "red", "white"] as const
const familyOrder = ["Opus", "Sonnet", "Haiku"]
export const colourOf = (family: string): (typeof palette)[number] => {
  const known = familyOrder.findIndex((name) => family.startsWith(name))
  return palette[known === -1 ? 3 + (family.length % 4) : known] ?? "white"
}

export interface Segment {
  readonly model: string
  readonly value: number
}

/** One horizontal bar, its segments stacked by model family, its total written after it. */
export const StackedBar = ({ label, segments, max, width, format }: {
  readonly label: string
  readonly segments: ReadonlyArray<Segment>
  readonly max: number
  readonly width: number
  readonly format: (value: number) => string
}) => {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0)
  return (
    <Box>
      <Text>{label.padEnd(14)}</Text>
      {segments.map((segment) => (
        <Text key={segment.model} color={colourOf(modelFamily(segment.model))}>
          {"█".repeat(max === 0 ? 0 : Math.round((segment.value / max) * width))}
        </Text>
      ))}
      <Text> {format(total)}</Text>
    </Box>
  )
}
