import { closeSync, type Dirent, readdirSync, readSync, statSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { isRegularFile, openRegularFile } from "./regular-file.js"

/** A session's main transcript and the subagent files whose spend belongs to it. */
export interface SessionFiles {
  readonly sessionId: string
  readonly main: string
  readonly subagents: ReadonlyArray<string>
}

const listEntries = (dir: string): ReadonlyArray<Dirent> => {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

/** An entry the listing says is something else than a file (a folder, a FIFO, a socket, a device). */
const listedAsOther = (entry: Dirent) =>
  entry.isDirectory() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()
/**
 * A regular file, told from the listing where it can tell (a symbolic link, or a file system
 * that does not say, is looked up: opening it would follow the link).
 */
const isRegularEntry = (dir: string, entry: Dirent) => entry.isFile() || (!listedAsOther(entry) && isRegularFile(join(dir, entry.name)))

const isJsonl = (name: string) => name.endsWith(".jsonl")
/** A `*.jsonl` that is a FIFO, socket or device is no transcript: never listed, never opened. */
const isTranscriptEntry = (dir: string, entry: Dirent) => isJsonl(entry.name) && isRegularEntry(dir, entry)

/** The `sessionId` on the first lines of a legacy (2.0.x) flat `agent-*.jsonl`: its parent. */
export const parentOfLegacyAgentFile = (path: string): string | undefined => {
  const head = Buffer.alloc(64 * 1024)
  let read = 0
  try {
    const fd = openRegularFile(path)
    try {
      read = readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
  return /"sessionId"\s*:\s*"([^"]+)"/.exec(head.toString("utf8", 0, read))?.[1]
}

/** New layout: `<project>/<sessionId>/subagents/agent-*.jsonl`. */
const nestedSubagents = (projectDir: string, sessionId: string): ReadonlyArray<string> => {
  const dir = join(projectDir, sessionId, "subagents")
  return listEntries(dir).filter((entry) => entry.name.startsWith("agent-") && isTranscriptEntry(dir, entry)).map((entry) => join(dir, entry.name)).sort()
}

/** The files of the session whose main transcript is `mainPath`. */
export const sessionFilesOf = (mainPath: string): SessionFiles => {
  const projectDir = dirname(mainPath)
  const sessionId = basename(mainPath, ".jsonl")
  const legacy = listEntries(projectDir)
    .filter((entry) => entry.name.startsWith("agent-") && isTranscriptEntry(projectDir, entry))
    .map((entry) => join(projectDir, entry.name))
    .filter((path) => parentOfLegacyAgentFile(path) === sessionId)
  return { sessionId, main: mainPath, subagents: [...nestedSubagents(projectDir, sessionId), ...legacy] }
}

/** Every session in one project folder, legacy agent files matched to their parents in one pass. */
export const sessionsInProjectDir = (projectDir: string): ReadonlyArray<SessionFiles> => {
  const entries = listEntries(projectDir)
  const names = entries.filter((entry) => isTranscriptEntry(projectDir, entry)).map((entry) => entry.name)
  // Only a session with a folder of its own can have subagent files in it: the others are not looked for.
  const folders = new Set(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name))
  const legacyByParent = new Map<string, Array<string>>()
  for (const name of names.filter((name) => name.startsWith("agent-"))) {
    const path = join(projectDir, name)
    const parent = parentOfLegacyAgentFile(path)
    if (parent !== undefined) legacyByParent.set(parent, [...(legacyByParent.get(parent) ?? []), path])
  }
  return names
    .filter((name) => !name.startsWith("agent-"))
    .map((name) => {
      const sessionId = basename(name, ".jsonl")
      return {
        sessionId,
        main: join(projectDir, name),
        subagents: [...(folders.has(sessionId) ? nestedSubagents(projectDir, sessionId) : []), ...(legacyByParent.get(sessionId) ?? [])],
      }
    })
}

/** Size and mtime of every file of a session: when unchanged, so is the session. */
export const filesFingerprint = (files: SessionFiles): string =>
  [files.main, ...files.subagents]
    .map((path) => {
      try {
        const stat = statSync(path)
        return `${stat.size}:${Math.floor(stat.mtimeMs)}`
      } catch {
        return "gone"
      }
    })
    .join("|")

/** Every session under every Claude data dir's `projects/`. */
export const discoverSessions = (claudeDataDirs: ReadonlyArray<string>): ReadonlyArray<SessionFiles> =>
  claudeDataDirs.flatMap((dataDir) => {
    const projects = join(dataDir, "projects")
    return listEntries(projects).flatMap((project) => sessionsInProjectDir(join(projects, project.name)))
  })
