import { dataPathsIn, resolveDataDir } from "../config/data-paths.js"
import { projectName } from "../config/project-identity.js"
import { isCurrentMemoryIndex, loadMemoryIndex, memoryIndexPath } from "../memory/memory-index-file.js"
import { filesContaining } from "../memory/memory-search.js"
import { readSnapshot } from "../snapshot/session-start-snapshot.js"
import { memorySearchOutput } from "./commands/memory-output.js"
import { fastCommands } from "./fast-commands.js"

/**
 * `memory search TEXT [--project-key K] [--all-projects] [--full] [--json]` answered from the
 * memory index (memory-search.cjs) without loading Effect or DuckDB, while the index is current:
 * built by this version from the store as the snapshot last saw it. Returns exactly what the full
 * CLI prints; undefined for anything else, which the full CLI answers, bringing the index up to date.
 */
export const fastMemorySearchOutput = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): string | undefined => {
  const [command, subcommand, ...rest] = args
  const parsed = command === "memory" && subcommand === "search" ? fastCommands["memory search"].parse(rest) : undefined
  const [text, ...others] = parsed?.positionals ?? []
  // A text that looks like an option is the full CLI's to interpret.
  if (parsed === undefined || text === undefined || others.length > 0 || text.startsWith("-")) return undefined
  try {
    const paths = dataPathsIn(resolveDataDir(env))
    const snapshot = readSnapshot(paths.snapshot)
    const index = snapshot === undefined ? undefined : loadMemoryIndex(memoryIndexPath(paths.dataDir))
    if (snapshot === undefined || index === undefined || !isCurrentMemoryIndex(index.stamp, snapshot)) return undefined
    const allProjects = parsed.values["all-projects"] === true
    const files = filesContaining(index.files, text, { allProjects, projectKey: parsed.values["project-key"] ?? projectName(process.cwd()) })
      .map(({ project_key, name, content }) => ({ project_key, name, content }))
    const output = memorySearchOutput(files, text, { full: parsed.values.full === true, json: parsed.values.json === true, withProject: allProjects })
    return output === "" ? "" : `${output}\n`
  } catch {
    // Anything unexpected (an unreadable working directory) is the full CLI's to explain.
    return undefined
  }
}
