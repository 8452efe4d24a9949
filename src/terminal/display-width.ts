import stringWidth from "string-width"

/**
 * Terminal columns, not UTF-16 code units: a CJK character or an emoji takes two columns, a
 * combining mark none. Padding or cutting by `.length` shifts every column after such a title.
 */
export const displayWidth = (text: string): number => stringWidth(text)

/** Cut to at most `width` columns, whole graphemes only, ending in "…" when anything was cut. */
export const truncateToWidth = (text: string, width: number): string => {
  if (stringWidth(text) <= width) return text
  let kept = ""
  let used = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    const columns = stringWidth(segment)
    if (used + columns > width - 1) break
    kept += segment
    used += columns
  }
  return width < 1 ? "" : `${kept}…`
}

/** Pads with spaces to `width` columns (left-aligned, or right-aligned for numbers). */
export const padToWidth = (text: string, width: number, align: "left" | "right" = "left"): string => {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)))
  return align === "left" ? `${text}${fill}` : `${fill}${text}`
}

/** Exactly `width` columns: cut, then padded. */
export const fitToWidth = (text: string, width: number, align: "left" | "right" = "left"): string =>
  padToWidth(truncateToWidth(text, width), width, align)

/** Breaks one line into pieces of at most `width` columns, whole graphemes only. */
export const wrapToWidth = (line: string, width: number): ReadonlyArray<string> => {
  const pieces: Array<string> = []
  let piece = ""
  let used = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(line)) {
    const columns = stringWidth(segment)
    if (used + columns > width && piece !== "") {
      pieces.push(piece)
      piece = ""
      used = 0
    }
    piece += segment
    used += columns
  }
  return [...pieces, piece]
}
