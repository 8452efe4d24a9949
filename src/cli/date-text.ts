/**
 * What `--since`, `--until` and `backfill --since` accept: an ISO date (the start of that day
 * here), an ISO date-time (here, unless it names its zone), `today`, `yesterday`, or a span
 * back from the start of today: `7d` (days), `2w` (weeks), `3m` (months). Days are local
 * calendar days, so `--since 7d` gives whole days, the same at 09:00 as at 23:00.
 */
export const dateTextHelp = "Like 2026-11-01, 2026-11-01T09:00, 2026-11-01T09:00:00Z, today, yesterday, 7d, 2w or 3m."

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i
const spanPattern = /^(\d{1,4})([dwm])$/i

const startOfLocalDay = (now: Date, daysBack: number): Date => new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack)

/** The same day `months` earlier, or that month's last day when it is shorter (31 March, 1m: 28 February). */
const monthsBack = (now: Date, months: number): Date => {
  const lastDay = new Date(now.getFullYear(), now.getMonth() - months + 1, 0).getDate()
  return new Date(now.getFullYear(), now.getMonth() - months, Math.min(now.getDate(), lastDay))
}

const fromIso = (match: RegExpExecArray): Date | undefined => {
  const [, year, month, day, hour = "0", minute = "0", second = "0", millis = "0", zone] = match
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number]
  const ms = Number(millis.padEnd(3, "0"))
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined
  // A day past the month's end (2026-02-31) would roll over silently: refuse it instead.
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined
  if (zone === undefined) return new Date(y, mo - 1, d, h, mi, s, ms)
  const sign = zone.startsWith("-") ? -1 : 1
  const offset = zone.toUpperCase() === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000)
}

/** The instant `text` names, or undefined when it is none of the accepted forms. */
export const parseDateText = (text: string, now: Date = new Date()): Date | undefined => {
  const trimmed = text.trim().toLowerCase()
  if (trimmed === "today") return startOfLocalDay(now, 0)
  if (trimmed === "yesterday") return startOfLocalDay(now, 1)
  const span = spanPattern.exec(trimmed)
  if (span !== null) {
    const count = Number(span[1])
    return span[2] === "m" ? monthsBack(now, count) : startOfLocalDay(now, span[2] === "w" ? count * 7 : count)
  }
  const iso = isoPattern.exec(text.trim())
  return iso === null ? undefined : fromIso(iso)
}
