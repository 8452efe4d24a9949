import { randomUUID } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

/**
 * The device's stable random id, created once and kept in the data dir. Created with `wx`
 * so two processes starting at once agree on one id.
 */
export const ensureDeviceId = (path: string): string => {
  try {
    return readFileSync(path, "utf8").trim()
  } catch {
    mkdirSync(dirname(path), { recursive: true })
    try {
      writeFileSync(path, `${randomUUID()}\n`, { flag: "wx", mode: 0o644 })
    } catch {
      // Another process created it first; use theirs.
    }
    return readFileSync(path, "utf8").trim()
  }
}
