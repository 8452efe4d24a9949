import { readFileSync } from "node:fs"

/** Claude Code's JSON, or nothing at a terminal (where reading would wait for the user) or when stdin is closed. */
export const readStatusLineStdin = (): string => {
  if (process.stdin.isTTY) return ""
  try {
    return readFileSync(0, "utf8")
  } catch {
    return ""
  }
}
