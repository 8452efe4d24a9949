import { readFileSync } from "node:fs"
import { join } from "node:path"
import { writeFileDurably } from "../store/durable-file.js"

/**
 * The data dir's optional `config.json`, e.g.
 * `{ "remote": "/mnt/shared/claude.duckdb", "sync_titles": false }`. Missing, unreadable or
 * malformed, it means the defaults; unknown keys are kept when setup writes it.
 */
export const configFileIn = (dataDir: string) => join(dataDir, "config.json")

const readObject = (dataDir: string): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(configFileIn(dataDir), "utf8"))
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {}
  } catch {
    return {}
  }
}

/** `remote`, when it names one. */
export const configuredRemote = (dataDir: string): string | undefined => {
  const remote = readObject(dataDir).remote
  return typeof remote === "string" && remote.trim() !== "" ? remote : undefined
}

/** `hive`: where this user's own hive lives (a DuckDB file path, or `md:claude_hive`). */
export const configuredHive = (dataDir: string): string | undefined => {
  const hive = readObject(dataDir).hive
  return typeof hive === "string" && hive.trim() !== "" ? hive : undefined
}

/** Sets `hive`, keeping every other key. */
export const setConfiguredHive = (dataDir: string, hive: string): void => {
  writeFileDurably(configFileIn(dataDir), `${JSON.stringify({ ...readObject(dataDir), hive }, null, 2)}\n`)
}

/**
 * `sync_titles` (default true). False keeps titles taken from a session's first prompt on this
 * machine: such sessions reach the remote without a title.
 */
export const syncsPromptTitles = (dataDir: string): boolean => readObject(dataDir).sync_titles !== false

/** Sets a key to false, keeping every other key; returns whether the file changed. */
const turnOff = (dataDir: string, key: "sync_titles" | "memory"): boolean => {
  const current = readObject(dataDir)
  if (current[key] === false) return false
  writeFileDurably(configFileIn(dataDir), `${JSON.stringify({ ...current, [key]: false }, null, 2)}\n`)
  return true
}

/** Sets `sync_titles` to false; returns whether the file changed. */
export const keepPromptTitlesPrivate = (dataDir: string): boolean => turnOff(dataDir, "sync_titles")

/** `memory` (default true). False keeps Claude's memory files on this machine: no hook records them, no sync sends them. */
export const syncsMemory = (dataDir: string): boolean => readObject(dataDir).memory !== false

/** Sets `memory` to false; returns whether the file changed. */
export const turnMemorySyncOff = (dataDir: string): boolean => turnOff(dataDir, "memory")
