import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

/** Writes the MotherDuck token readable by the user only (mode 600). */
export const writeTokenFile = (path: string, token: string): void => {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  writeFileSync(path, `${token.trim()}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
}

export const removeTokenFile = (path: string): boolean => {
  if (!existsSync(path)) return false
  rmSync(path)
  return true
}
