import { renameSync, unlinkSync, writeFileSync } from "node:fs"

/**
 * Atomic replace, so a reader sees the old file or the new one, never half of one. A failed
 * write (a full disk) takes its temp file with it rather than leaving it in the data dir.
 */
export const replaceFile = (path: string, text: string): void => {
  const temp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temp, text)
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Never created.
    }
    throw error
  }
}
