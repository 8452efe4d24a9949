import { existsSync, readFileSync, statSync } from "node:fs"
import { basename, dirname, isAbsolute, join, resolve } from "node:path"
import { parse } from "yaml"

/**
 * The one rule naming the project of a directory, for everything that files things by project:
 * `project-name` in the front matter of the repository root's CLAUDE.md, else the repository
 * name of the git `origin` remote, else the git root's folder name, else the directory's own.
 * Read from the files (no `git` process), so it costs microseconds.
 */
export const projectName = (cwd: string): string => {
  const root = gitRoot(cwd)
  if (root === undefined) return basename(cwd)
  return frontMatterProjectName(readText(join(root, "CLAUDE.md")) ?? "")
    ?? originRepositoryName(readText(gitConfigPath(root)) ?? "")
    ?? basename(root)
}

const readText = (path: string | undefined) => {
  try {
    return path === undefined || !existsSync(path) ? undefined : readFileSync(path, "utf8")
  } catch {
    return undefined
  }
}

/** The nearest directory at or above `cwd` holding `.git` (a directory, or a worktree's file). */
const gitRoot = (cwd: string): string | undefined => {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** `.git/config`, or for a worktree (`.git` is a file `gitdir: …/worktrees/x`) the main repository's. */
const gitConfigPath = (root: string): string | undefined => {
  const dotGit = join(root, ".git")
  if (statSync(dotGit, { throwIfNoEntry: false })?.isDirectory() === true) return join(dotGit, "config")
  const pointer = /^gitdir:\s*(.+)$/m.exec(readText(dotGit) ?? "")?.[1]?.trim()
  if (pointer === undefined) return undefined
  const gitDir = isAbsolute(pointer) ? pointer : resolve(root, pointer)
  const common = readText(join(gitDir, "commondir"))?.trim()
  return join(common === undefined ? gitDir : resolve(gitDir, common), "config")
}

/** A key of the `---` front matter block at the very top of a CLAUDE.md. */
const frontMatterValue = (claudeMd: string, key: string): unknown => {
  const block = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(claudeMd)?.[1]
  if (block === undefined) return undefined
  try {
    return (parse(block) as Record<string, unknown> | null)?.[key]
  } catch {
    return undefined
  }
}

/** `project-name: shop` in a `---` front matter block at the very top of a CLAUDE.md. */
export const frontMatterProjectName = (claudeMd: string): string | undefined => {
  const value = frontMatterValue(claudeMd, "project-name")
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined
}

/**
 * Whether the repository of `cwd` is a hive project (`is-hive-project: true` in its CLAUDE.md's
 * front matter): its entries' events go to its users' hives, and teammates' join their stores.
 */
export const isHiveProject = (cwd: string): boolean => {
  const root = gitRoot(cwd)
  return root !== undefined && frontMatterValue(readText(join(root, "CLAUDE.md")) ?? "", "is-hive-project") === true
}

/** The repository name in the `url` of `[remote "origin"]`: `git@host:team/shop.git` → `shop`. */
export const originRepositoryName = (gitConfig: string): string | undefined => {
  const section = /^\[remote "origin"\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(gitConfig)?.[1] ?? ""
  const url = /^\s*url\s*=\s*(.+?)\s*$/m.exec(section)?.[1]
  const name = url?.replace(/\/+$/, "").split(/[/:]/).pop()?.replace(/\.git$/, "")
  return name === undefined || name === "" ? undefined : name
}
