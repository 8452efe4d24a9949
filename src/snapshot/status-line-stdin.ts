import { fstatSync, readFileSync } from "node:fs"

/**
 * Claude Code's JSON, or nothing at a terminal (where reading would wait for the user) or when
 * stdin is closed. Read from fd 0 directly, and a terminal told by its file type: process.stdin
 * and node:tty would load Node's stream and socket code, a few ms of every message.
 */
export const readStatusLineStdin = (): string => {
  try {
    if (fstatSync(0).isCharacterDevice()) return ""
    return readFileSync(0, "utf8")
  } catch {
    return ""
  }
}
