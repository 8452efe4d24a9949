import { ownMarker } from "./hook-entries.js"
import { isLegacyCronLine } from "./legacy-wiring.js"

/** Our crontab line: a quiet sync every 15 minutes, tagged with the marker so it can be found. */
export const cronLine = (syncCommand: string): string => `*/15 * * * * ${syncCommand} ${ownMarker}`

export const withoutOwnCronLines = (crontab: string): string =>
  crontab.split("\n").filter((line) => !line.includes(ownMarker)).join("\n")

/** Ours once, in place of any earlier line of ours or of the Python original's. */
export const withOwnCronLine = (crontab: string, line: string): string => {
  const others = withoutOwnCronLines(crontab).split("\n").filter((kept) => !isLegacyCronLine(kept)).join("\n").replace(/\n+$/, "")
  return `${others === "" ? "" : `${others}\n`}${line}\n`
}
