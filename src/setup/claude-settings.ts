import { Effect, Schema } from "effect"
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import type { HooksByEvent } from "./hook-entries.js"

export class SettingsUnreadable extends Schema.TaggedError<SettingsUnreadable>()("SettingsUnreadable", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `${this.path} is not valid JSON (${this.reason}); fix or move it, then run setup again — nothing was changed`
  }
}

/** `$CLAUDE_CONFIG_DIR/settings.json` (the first dir when it lists several), else `~/.claude/settings.json`. */
export const settingsPath = (env: NodeJS.ProcessEnv, home: string): string => {
  const configured = (env.CLAUDE_CONFIG_DIR ?? "").split(",").map((dir) => dir.trim()).find((dir) => dir !== "")
  return join(configured ?? join(home, ".claude"), "settings.json")
}

export type Settings = Readonly<Record<string, unknown>> & { readonly hooks?: HooksByEvent }

export const readSettings = (path: string): Effect.Effect<Settings, SettingsUnreadable> =>
  Effect.try({
    try: () => {
      if (!existsSync(path)) return {}
      const text = readFileSync(path, "utf8")
      if (text.trim() === "") return {}
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not a JSON object")
      const hooks = (parsed as Record<string, unknown>).hooks
      if (hooks !== undefined && (typeof hooks !== "object" || hooks === null || Array.isArray(hooks))) throw new Error('"hooks" is not an object')
      return parsed as Settings
    },
    catch: (cause) => new SettingsUnreadable({ path, reason: cause instanceof Error ? cause.message : String(cause) }),
  })

/** Backs the current file up to `settings.json.bak`, then replaces it atomically; true if backed up. */
export const writeSettings = (path: string, settings: Settings): boolean => {
  mkdirSync(dirname(path), { recursive: true })
  const existed = existsSync(path)
  if (existed) copyFileSync(path, `${path}.bak`)
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`)
  renameSync(temp, path)
  return existed
}
