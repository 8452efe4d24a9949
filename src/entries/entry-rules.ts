// The rules of the note commands that both the full CLI's decisions (entry-decisions.ts) and the
// launcher's light path apply, as plain functions so the light path need not load Effect.

/** Text given by a user (a title, a note, a session id): trimmed, and blank means none. */
export const trimmedOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim()
  return trimmed ? trimmed : null
}

/** `--title-match` words: split on whitespace; every one must appear in the title. */
export const titleWords = (words: string): ReadonlyArray<string> => words.split(/\s+/).filter((word) => word !== "")
