import { basename, dirname, resolve } from "node:path"
import { appendActivityLog } from "../config/activity-log.js"
import { syncsMemory } from "../config/data-dir-config.js"
import { claudeDataDirs, dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { startDetached } from "../config/detached-command.js"
import { readHookInput } from "../recording/hook-input.js"
import { isMemoryFileName } from "./memory-file-names.js"
import { enqueueMemoryPath } from "./memory-queue.js"

/** Claude Code closes stdin once the JSON is written; a writer that does not is given this long. */
const stdinDeadlineMs = 2_000

/** The written path, from PostToolUse hook JSON (`tool_input.file_path`); undefined for anything else. */
export const writtenPathOf = (stdin: string): string | undefined => {
  try {
    const input: unknown = JSON.parse(stdin)
    const toolInput: unknown = typeof input === "object" && input !== null ? (input as Record<string, unknown>).tool_input : undefined
    const path: unknown = typeof toolInput === "object" && toolInput !== null ? (toolInput as Record<string, unknown>).file_path : undefined
    return typeof path === "string" && path !== "" ? path : undefined
  } catch {
    return undefined
  }
}

/** `<claude dir>/projects/<slug>/memory/<name>.md`, for one of Claude Code's data dirs. */
export const isMemoryFilePath = (path: string, claudeDirs: ReadonlyArray<string>): boolean => {
  const file = resolve(path)
  const memoryDir = dirname(file)
  const projectsDir = dirname(dirname(memoryDir))
  return basename(memoryDir) === "memory" && isMemoryFileName(basename(file)) &&
    claudeDirs.some((dir) => resolve(dir, "projects") === projectsDir)
}

/**
 * `memory hook`, Claude Code's PostToolUse hook for Write|Edit: when the written file is a memory
 * file, queue its path durably and start a detached push, all within a few ms. Anything else does
 * nothing. It never prints and never fails; problems go to the log.
 */
export const handleMemoryHook = async (cliPath: string, env: NodeJS.ProcessEnv): Promise<void> => {
  const stdin = process.stdin.isTTY ? "" : await readHookInput(process.stdin, stdinDeadlineMs)
  const path = writtenPathOf(stdin)
  if (path === undefined || !isMemoryFilePath(path, claudeDataDirs(env))) return
  const paths = dataPathsIn(resolveDataDir(env))
  if (!syncsMemory(paths.dataDir)) return
  try {
    enqueueMemoryPath(paths.dataDir, resolve(path))
    startDetached(cliPath, ["memory", "push", "--quiet"], env)
  } catch (error) {
    appendActivityLog(paths.log, `memory hook: could not record ${path}: ${error instanceof Error ? error.message : String(error)}; the next \`claude-memory-sync push\` records it`)
  }
}
