import { Effect } from "effect"
import { existsSync } from "node:fs"
import { readCrontab } from "./crontab.js"
import type { Check } from "./doctor.js"
import type { HooksByEvent } from "./hook-entries.js"
import { isLegacyCronLine, legacyLaunchAgentPath, replacedLegacyHooks } from "./legacy-wiring.js"

/**
 * Doctor's check for the Python original's wiring: what setup replaces must be gone. None at
 * all (most users) is no check at all.
 */
export const legacyWiringCheck = (hooks: HooksByEvent | undefined, home: string, crontab: string) =>
  Effect.gen(function* () {
    const left = [
      ...replacedLegacyHooks(hooks).map((command) => `hook "${command}"`),
      ...(existsSync(legacyLaunchAgentPath(home)) ? [`LaunchAgent ${legacyLaunchAgentPath(home)}`] : []),
      ...(process.platform === "win32" ? [] : (yield* readCrontab(crontab).pipe(Effect.orElseSucceed(() => "")))
        .split("\n").filter(isLegacyCronLine).map((line) => `crontab line "${line}"`)),
    ]
    if (left.length === 0) return []
    return [{
      name: "Python version's wiring",
      ok: false,
      detail: `still present: ${left.join(", ")}`,
      remedy: "run `claude-session-logger setup`, which replaces it with ours",
    }] satisfies ReadonlyArray<Check>
  })
