import { isReplacedLegacyHook } from "./legacy-wiring.js"

/**
 * Our entries in Claude Code's `settings.json` hooks. Each command ends with a shell comment
 * marker, so setup recognises its own entries (to replace them when outdated, never duplicate
 * them, and remove them on uninstall) without touching anyone else's.
 */
export const ownMarker = "# claude-session-logger"

/** Also ours: hook lines from older installs, before the marker existed. */
const legacyCommand = /claude-session-logger\S*\s+(record|recent|session-start|inbox)\b/

export interface HookCommand {
  readonly type: "command"
  readonly command: string
  readonly timeout?: number
  readonly [key: string]: unknown
}

export interface HookGroup {
  readonly matcher?: string
  readonly hooks: ReadonlyArray<HookCommand>
  readonly [key: string]: unknown
}

export type HooksByEvent = Readonly<Record<string, ReadonlyArray<HookGroup>>>

export const isOwnHook = (hook: { readonly command?: unknown }): boolean =>
  typeof hook.command === "string" && (hook.command.includes(ownMarker) || legacyCommand.test(hook.command))

/** Ours, or the Python original's that ours replace: what setup takes out before adding ours. */
const isReplacedBySetup = (hook: { readonly command?: unknown }): boolean => isOwnHook(hook) || isReplacedLegacyHook(hook)

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`

/**
 * How hooks, cron and Claude run the CLI: absolute paths to node and the CLI, so they work with the minimal
 * environment Claude Code, cron and launchd give (no PATH, no shell rc files).
 */
export const cliCommand = (nodePath: string, cliPath: string, env: Readonly<Record<string, string>>): string =>
  `${Object.entries(env).map(([name, value]) => `${name}=${shellQuote(value)} `).join("")}${shellQuote(nodePath)} ${shellQuote(cliPath)}`

/** With `memory`, also the PostToolUse hook that records the memory files Claude writes (async: Claude never waits for it). */
export const ownHooks = (
  nodePath: string,
  cliPath: string,
  env: Readonly<Record<string, string>>,
  options: { readonly memory: boolean } = { memory: true },
): Readonly<Record<string, HookGroup>> => {
  const command = (args: string) => `${cliCommand(nodePath, cliPath, env)} ${args} ${ownMarker}`
  return {
    SessionStart: { matcher: "", hooks: [{ type: "command", command: command("session-start"), timeout: 10 }] },
    SessionEnd: { matcher: "", hooks: [{ type: "command", command: command("record"), timeout: 10 }] },
    ...(options.memory ? { PostToolUse: { matcher: "Write|Edit", hooks: [{ type: "command", command: command("memory hook"), timeout: 10, async: true }] } } : {}),
  }
}

/** Every hook but ours (and the original's we replace); groups left empty by that are dropped, events left empty too. */
export const withoutOwnHooks = (hooks: HooksByEvent, isRemoved: (hook: HookCommand) => boolean = isOwnHook): Record<string, ReadonlyArray<HookGroup>> =>
  Object.fromEntries(
    Object.entries(hooks)
      .map(([event, groups]) => [
        event,
        groups
          .map((group) => ({ ...group, hooks: group.hooks.filter((hook) => !isRemoved(hook)) }))
          .filter((group, index) => group.hooks.length > 0 || (groups[index]?.hooks.length ?? 0) === 0),
      ] as const)
      .filter(([event, groups]) => groups.length > 0 || (hooks[event]?.length ?? 0) === 0),
  )

/** Foreign hooks exactly as they were, then ours, once, for each event we hook. */
export const withOwnHooks = (hooks: HooksByEvent, own: Readonly<Record<string, HookGroup>>): Record<string, ReadonlyArray<HookGroup>> => {
  const foreign = withoutOwnHooks(hooks, isReplacedBySetup)
  const merged: Record<string, ReadonlyArray<HookGroup>> = { ...foreign }
  for (const [event, group] of Object.entries(own)) merged[event] = [...(foreign[event] ?? []), group]
  return merged
}
