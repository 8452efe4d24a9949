/** How a model family is drawn: the same colour (or, without colours, the same shade) everywhere. */
export interface FamilyStyle {
  readonly glyph: string
  readonly colour: string | undefined
}

const palette = ["magenta", "cyan", "yellow", "green", "blue", "red", "white"] as const
const familyOrder = ["Opus", "Sonnet", "Haiku"]
/** Under NO_COLOR the stacked segments need another way to differ. */
const shades = ["█", "▓", "▒", "░"] as const

const rankOf = (family: string) => {
  const known = familyOrder.findIndex((name) => family.startsWith(name))
  return known === -1 ? familyOrder.length : known
}

/** Opus, Sonnet, Haiku (newest version first), then the rest by name: the stacking and legend order. */
export const orderFamilies = (families: Iterable<string>): ReadonlyArray<string> =>
  [...new Set(families)].sort((a, b) => rankOf(a) - rankOf(b) || b.localeCompare(a, "en", { numeric: true }))

export const familyStyles = (families: ReadonlyArray<string>, colour: boolean): ReadonlyMap<string, FamilyStyle> =>
  new Map(families.map((family, index) => [family, {
    glyph: colour ? "█" : shades[index % shades.length] ?? "█",
    colour: colour ? palette[index % palette.length] : undefined,
  }]))
