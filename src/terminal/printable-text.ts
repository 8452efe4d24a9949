/**
 * Text from transcripts and from users (titles, bodies, project names) reaches the terminal and,
 * through the session-start banner, Claude's context. A control byte in it would be obeyed by
 * the terminal (ESC starts a colour or a title change, BEL rings), and a bidirectional override
 * reorders what follows it on screen, so every text output shows them as visible stand-ins
 * instead. JSON output keeps the raw value: JSON.stringify escapes it.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** C0 controls become their Unicode control pictures (ESC → ␛, BEL → ␇), DEL ␡, the rest �. */
const standIn = (character: string): string => {
  const code = character.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  return code === 0x7f ? "\u2421" : "\ufffd"
}

/** For one-line places (titles, table cells, the banner): line breaks and tabs become spaces. */
export const printableLine = (text: string): string => text.replace(/\r\n|[\t\n\v\f\r]/g, " ").replace(unsafe, standIn)

/** For multi-line places (an entry's body): line breaks and tabs stay, every other control is shown. */
export const printableText = (text: string): string =>
  text.replace(/\r\n/g, "\n").replace(unsafe, (character) => (character === "\n" || character === "\t" ? character : standIn(character)))
