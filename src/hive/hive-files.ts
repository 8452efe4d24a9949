import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync } from "node:fs"
import { dirname, join } from "node:path"
import { hasImportLine, withImportLine, withoutImportLine } from "../config/claude-md-imports.js"
import { sha256Of } from "../memory/local-changes.js"
import { syncDirectory, writeFileDurably } from "../store/durable-file.js"
import { hiveDirIn } from "./hive-target.js"

export const hiveIndexName = "HIVE.md"

/**
 * Marks of what this tool made, so uninstall removes only that: the Python version kept its hive
 * at the same place with the same import line, and those are not ours to delete.
 */
const createdDirMark = ".created-by-claude-session-logger"
const addedImportMark = ".import-added-by-claude-session-logger"

/** Makes the hive dir (marked as ours when this made it). */
export const ensureHiveDir = (claudeDir: string): void => {
  const hiveDir = hiveDirIn(claudeDir)
  if (existsSync(hiveDir)) return
  mkdirSync(hiveDir, { recursive: true })
  writeFileDurably(join(hiveDir, createdDirMark), "")
}
export const hiveImportLine = `@hive/${hiveIndexName}`

/** A published version to hold on this machine. */
export interface HiveCopy {
  readonly projectKey: string
  readonly name: string
  readonly actor: string
  readonly sha256: string
  readonly content: string
}

// A project key or an author names a folder or part of a file name: nothing that climbs out.
const safe = (text: string) => text.replace(/[/\\]+/g, "-").replace(/^\.+/, "_") || "_"

/**
 * Where each copy goes, relative to the hive dir: `<project>/<name>`, or, when two teammates
 * publish a file of the same project and name, `<project>/<stem>.<author>.md` for each.
 */
export const hiveLayout = (copies: ReadonlyArray<HiveCopy>): ReadonlyMap<string, HiveCopy> => {
  const authors = new Map<string, Set<string>>()
  for (const copy of copies) {
    const key = `${copy.projectKey}\0${copy.name}`
    authors.set(key, (authors.get(key) ?? new Set()).add(copy.actor))
  }
  const layout = new Map<string, HiveCopy>()
  for (const copy of [...copies].sort((a, b) => a.projectKey.localeCompare(b.projectKey) || a.name.localeCompare(b.name) || a.actor.localeCompare(b.actor))) {
    const shared = (authors.get(`${copy.projectKey}\0${copy.name}`)?.size ?? 0) > 1
    const name = shared ? `${copy.name.slice(0, -".md".length)}.${safe(copy.actor)}.md` : safe(copy.name)
    layout.set(`${safe(copy.projectKey)}/${name}`, copy)
  }
  return layout
}

/** HIVE.md: one import per copy, so Claude reads them all through the one line in CLAUDE.md. */
export const hiveIndexText = (paths: ReadonlyArray<string>): string =>
  `# Hive: memory your teammates publish

<!-- Written by \`claude-hive sync\`; read-only copies, rewritten on every sync. -->
${paths.map((path) => `\n@${path}`).join("")}
`

export interface MaterializeResult {
  readonly written: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
  readonly overwritten: ReadonlyArray<string>
  /** Every file now held, with the version written: the new `hive_written`. */
  readonly held: ReadonlyMap<string, string>
}

const shaOnDisk = (path: string): string | undefined => {
  try {
    return sha256Of(readFileSync(path))
  } catch {
    return undefined
  }
}

// A write cut short by a crash leaves its temp file (`name.<pid>.tmp`), never a half-written copy.
const leftoverTemp = /\.\d+\.tmp$/

/** Removes temp files a killed sync left, and folders no copy is in any more. */
const tidyHiveDir = (hiveDir: string) => {
  for (const entry of existsSync(hiveDir) ? readdirSync(hiveDir, { withFileTypes: true }) : []) {
    const path = join(hiveDir, entry.name)
    if (entry.isFile() && leftoverTemp.test(entry.name)) unlinkSync(path)
    if (!entry.isDirectory()) continue
    for (const name of readdirSync(path).filter((each) => leftoverTemp.test(each))) unlinkSync(join(path, name))
    if (readdirSync(path).length === 0) rmdirSync(path)
  }
}

/**
 * Brings the hive dir to `layout`: writes what is new or changed (each file whole or not at all),
 * removes copies no longer published or subscribed — only files this tool wrote (`previously`,
 * path → sha256 written) — and rewrites HIVE.md. A copy edited here is overwritten and named.
 */
export const materializeHive = (
  claudeDir: string,
  layout: ReadonlyMap<string, HiveCopy>,
  previously: ReadonlyMap<string, string>,
): MaterializeResult => {
  const hiveDir = hiveDirIn(claudeDir)
  const written: Array<string> = []
  const overwritten: Array<string> = []
  const removed: Array<string> = []
  const held = new Map<string, string>()
  const dirs = new Set<string>([hiveDir])
  for (const [relativePath, copy] of layout) {
    const path = join(hiveDir, relativePath)
    const onDisk = shaOnDisk(path)
    held.set(path, copy.sha256)
    if (onDisk === copy.sha256) continue
    if (onDisk !== undefined && onDisk !== previously.get(path)) overwritten.push(path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileDurably(path, copy.content)
    dirs.add(dirname(path))
    written.push(path)
  }
  for (const path of previously.keys()) {
    if (held.has(path) || !existsSync(path)) continue
    unlinkSync(path)
    dirs.add(dirname(path))
    removed.push(path)
  }
  ensureHiveDir(claudeDir)
  const index = join(hiveDir, hiveIndexName)
  const indexText = hiveIndexText([...layout.keys()])
  if (!existsSync(index) || readFileSync(index, "utf8") !== indexText) writeFileDurably(index, indexText)
  for (const dir of dirs) if (existsSync(dir)) syncDirectory(dir)
  tidyHiveDir(hiveDir)
  return { written, removed, overwritten, held }
}

/** Adds `@hive/HIVE.md` to CLAUDE.md once; returns whether it changed the file. */
export const importHiveIndex = (claudeDir: string): boolean => {
  const claudeMd = join(claudeDir, "CLAUDE.md")
  const text = existsSync(claudeMd) ? readFileSync(claudeMd, "utf8") : undefined
  if (text !== undefined && hasImportLine(text, hiveImportLine)) return false
  ensureHiveDir(claudeDir)
  writeFileDurably(join(hiveDirIn(claudeDir), addedImportMark), "")
  writeFileDurably(claudeMd, withImportLine(text, hiveImportLine, "last"))
  return true
}

/**
 * Uninstall: the hive dir and the import line go when this tool made them; the rest of CLAUDE.md
 * stays byte-identical.
 */
export const removeHiveCopies = (claudeDir: string): ReadonlyArray<string> => {
  const changes: Array<string> = []
  const claudeMd = join(claudeDir, "CLAUDE.md")
  const hiveDir = hiveDirIn(claudeDir)
  const text = existsSync(claudeMd) ? readFileSync(claudeMd, "utf8") : undefined
  if (text !== undefined && hasImportLine(text, hiveImportLine) && existsSync(join(hiveDir, addedImportMark))) {
    writeFileDurably(claudeMd, withoutImportLine(text, hiveImportLine))
    changes.push(`removed the line ${hiveImportLine} from ${claudeMd}`)
  }
  if (existsSync(join(hiveDir, createdDirMark))) {
    rmSync(hiveDir, { recursive: true, force: true })
    changes.push(`removed ${hiveDir} (the copies of teammates' memory)`)
  }
  return changes
}

/** What uninstall leaves: the user's own hive, which teammates may still read, and how to drop it. */
export const hiveLeftLine = (hive: string): string =>
  hive.startsWith("md:")
    ? `Your hive (${hive}) and its share are untouched; teammates can still read it. To drop it, in MotherDuck run: DROP SHARE claude_hive; DROP DATABASE claude_hive;`
    : `Your hive (${hive}) is untouched; teammates can still read it. To drop it, delete that file.`
