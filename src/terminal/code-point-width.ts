import { eastAsianWidth } from "get-east-asian-width"

/**
 * A cut by columns for the session-start hot path, which runs at every session start: string-width
 * and Intl.Segmenter cost about 50 ms of start-up (ICU data, the emoji regex), this costs none.
 * It measures code points (wide and fullwidth ones take two columns), so it never splits a
 * surrogate pair, but may split an emoji sequence; the banner is prose, not aligned columns.
 */
const columns = (character: string) => eastAsianWidth(character.codePointAt(0) ?? 0)

export const truncateCodePoints = (text: string, width: number): string => {
  const characters = [...text]
  if (characters.reduce((sum, character) => sum + columns(character), 0) <= width) return text
  let kept = ""
  let used = 0
  for (const character of characters) {
    if (used + columns(character) > width - 1) break
    kept += character
    used += columns(character)
  }
  return `${kept}…`
}
