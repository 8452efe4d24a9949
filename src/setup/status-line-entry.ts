import { cliCommand, ownMarker } from "./hook-entries.js"
import type { Settings } from "./claude-settings.js"

/**
 * Our `statusLine` in Claude Code's settings.json. There is only one status line, so ours goes in
 * only where the user has none, and uninstall takes out only ours (known by the marker).
 */
export const ownStatusLine = (nodePath: string, statuslinePath: string, env: Readonly<Record<string, string>>) => ({
  type: "command",
  command: `${cliCommand(nodePath, statuslinePath, env)} ${ownMarker}`,
  padding: 0,
})

export const isOwnStatusLine = (statusLine: unknown): boolean => {
  const command = typeof statusLine === "object" && statusLine !== null ? (statusLine as { command?: unknown }).command : undefined
  return typeof command === "string" && command.includes(ownMarker)
}

export type StatusLinePlan = "add" | "update" | "current" | "theirs"

/** What installing ours would do to these settings. */
export const statusLinePlan = (settings: Settings, own: ReturnType<typeof ownStatusLine>): StatusLinePlan => {
  const current = settings.statusLine
  if (current === undefined) return "add"
  if (!isOwnStatusLine(current)) return "theirs"
  return JSON.stringify(current) === JSON.stringify(own) ? "current" : "update"
}

/** The settings without our status line (anyone else's stays). */
export const withoutOwnStatusLine = (settings: Settings): Settings =>
  isOwnStatusLine(settings.statusLine) ? Object.fromEntries(Object.entries(settings).filter(([key]) => key !== "statusLine")) : settings
