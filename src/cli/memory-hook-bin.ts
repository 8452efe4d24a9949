/**
 * `memory hook`, Claude Code's PostToolUse hook, in a bundle of its own (memory-hook.cjs): it runs
 * after every Write and Edit, so it loads only what telling a memory file apart and queueing it
 * take. The launcher requires it for `memory hook`; the detached push it starts is the launcher's.
 */
import { join } from "node:path"
import { handleMemoryHook } from "../memory/memory-hook.js"

try {
  handleMemoryHook(join(__dirname, "cli.cjs"), process.env).catch(() => undefined) // a hook never fails
} catch {
  // Hooks must never fail: print nothing.
}
