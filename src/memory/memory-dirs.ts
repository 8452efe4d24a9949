import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs"
import { join } from "node:path"
import { projectName } from "../config/project-identity.js"
import { isMemoryFileName } from "./memory-file-names.js"

/** One of Claude Code's per-project folders (`projects/<slug>`), and the project it belongs to. */
export interface ProjectSlug {
  readonly slugDir: string
  readonly memoryDir: string
  /** The working directory its transcripts record, when one does. */
  readonly cwd: string | undefined
  /** Undefined when no transcript of the slug says where it ran: its memory cannot be keyed. */
  readonly projectKey: string | undefined
}

const headBytes = 256 * 1024
const cwdPattern = /"cwd"\s*:\s*("(?:[^"\\]|\\.)*")/

/** The working directory a transcript of this slug records; the slug itself is a lossy mangling of it. */
const slugCwd = (slugDir: string): string | undefined => {
  let transcripts: ReadonlyArray<string>
  try {
    transcripts = readdirSync(slugDir).filter((name) => name.endsWith(".jsonl"))
  } catch {
    return undefined
  }
  const buffer = Buffer.alloc(headBytes)
  for (const name of transcripts) {
    let fd: number | undefined
    try {
      fd = openSync(join(slugDir, name), "r")
      const read = readSync(fd, buffer, 0, headBytes, 0)
      const literal = cwdPattern.exec(buffer.toString("utf8", 0, read))?.[1]
      const cwd: unknown = literal === undefined ? undefined : JSON.parse(literal)
      if (typeof cwd === "string" && cwd !== "") return cwd
    } catch {
      continue
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
  }
  return undefined
}

const subdirectories = (dir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(dir, entry.name))
  } catch {
    return []
  }
}

/** Every project slug under Claude Code's data dirs, keyed by the same project identity entries use. */
export const projectSlugs = (claudeDataDirs: ReadonlyArray<string>): ReadonlyArray<ProjectSlug> =>
  claudeDataDirs.flatMap((claudeDir) =>
    subdirectories(join(claudeDir, "projects")).map((slugDir) => {
      const cwd = slugCwd(slugDir)
      return { slugDir, memoryDir: join(slugDir, "memory"), cwd, projectKey: cwd === undefined ? undefined : projectName(cwd) }
    })
  )

/** The memory files of a slug (regular `*.md` files, conflict copies excluded), by name. */
export const memoryFileNames = (memoryDir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(memoryDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isMemoryFileName(entry.name))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}

export const isRegularFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() === true
