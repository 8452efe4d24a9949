import { humanUsd } from "../snapshot/banner-text.js"

const units: ReadonlyArray<[number, string]> = [[1e9, "B"], [1e6, "M"], [1e3, "k"]]

/** At most four characters, for the top of a narrow column: 950, 9.5k, 434k, 1.2M. */
export const compactCount = (value: number): string => {
  for (const [size, suffix] of units) {
    if (value >= size) {
      const scaled = value / size
      return `${scaled < 10 ? scaled.toFixed(1).replace(/\.0$/, "") : Math.round(scaled)}${suffix}`
    }
  }
  return String(Math.round(value))
}

/** At most five characters: $0.53, $12.3, $123, $1.2k. */
export const compactUsd = (value: number): string => {
  if (value < 10) return humanUsd(value)
  if (value < 100) return `$${value.toFixed(1)}`
  return value < 1000 ? `$${Math.round(value)}` : `$${compactCount(value)}`
}
