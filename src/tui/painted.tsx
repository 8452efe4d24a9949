import { Text } from "ink"
import type { ReactNode } from "react"

/** Text in a colour when there is one (no colour under NO_COLOR, or for blank chart cells). */
export const Painted = ({ colour, children }: { readonly colour: string | undefined; readonly children: ReactNode }) =>
  colour === undefined ? <Text>{children}</Text> : <Text color={colour}>{children}</Text>
