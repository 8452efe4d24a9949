import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { frontMatterProjectName, isHiveProject, originRepositoryName, projectName } from "../../src/config/project-identity.js"

const repo = (name: string, origin?: string) => {
  const root = join(mkdtempSync(join(tmpdir(), "csl-project-")), name)
  mkdirSync(join(root, ".git"), { recursive: true })
  mkdirSync(join(root, "src", "deep"), { recursive: true })
  writeFileSync(join(root, ".git", "config"), `[core]\n\tbare = false\n${origin === undefined ? "" : `[remote "origin"]\n\turl = ${origin}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`}[branch "main"]\n\tremote = origin\n`)
  return root
}

describe("the project rule", () => {
  it("prefers project-name in the repo root's CLAUDE.md front matter, from any subdirectory", () => {
    const root = repo("checkout-2", "git@github.com:team/shop.git")
    writeFileSync(join(root, "CLAUDE.md"), "---\nproject-name: storefront\n---\n# Rules\n")
    expect(projectName(join(root, "src", "deep"))).toBe("storefront")
  })

  it("else the origin remote's repository name, else the git root's folder, else the directory", () => {
    expect(projectName(join(repo("checkout-2", "https://github.com/team/shop.git"), "src"))).toBe("shop")
    expect(projectName(join(repo("checkout-3"), "src", "deep"))).toBe("checkout-3")
    const plain = mkdtempSync(join(tmpdir(), "csl-plain-"))
    expect(projectName(plain)).toBe(plain.split("/").pop())
  })

  it("follows a worktree's .git file to the main repository's config", () => {
    const main = repo("main-checkout", "ssh://git@host/team/billing")
    const worktree = join(mkdtempSync(join(tmpdir(), "csl-wt-")), "feature")
    mkdirSync(join(main, ".git", "worktrees", "feature"), { recursive: true })
    writeFileSync(join(main, ".git", "worktrees", "feature", "commondir"), "../..\n")
    mkdirSync(worktree)
    writeFileSync(join(worktree, ".git"), `gitdir: ${join(main, ".git", "worktrees", "feature")}\n`)
    expect(projectName(worktree)).toBe("billing")
  })

  it("reads only a front matter block at the very top, and only origin's url", () => {
    expect(frontMatterProjectName("# Title\n---\nproject-name: nope\n---\n")).toBeUndefined()
    expect(frontMatterProjectName("---\nproject-name: [not, a, name]\n---\n")).toBeUndefined()
    expect(originRepositoryName('[remote "upstream"]\n\turl = git@h:x/other.git\n[remote "origin"]\n\turl = git@h:x/mine.git/\n')).toBe("mine")
    expect(originRepositoryName('[remote "upstream"]\n\turl = git@h:x/other.git\n')).toBeUndefined()
  })

  it("a hive project says `is-hive-project: true` (a YAML boolean) in the repo root's CLAUDE.md front matter", () => {
    const root = repo("shop")
    expect(isHiveProject(join(root, "src", "deep"))).toBe(false)
    writeFileSync(join(root, "CLAUDE.md"), "---\nproject-name: shop\nis-hive-project: true\n---\n")
    expect(isHiveProject(join(root, "src", "deep"))).toBe(true)
    writeFileSync(join(root, "CLAUDE.md"), "---\nis-hive-project: \"yes\"\n---\n")
    expect(isHiveProject(root)).toBe(false)
    writeFileSync(join(root, "CLAUDE.md"), "# Rules\nis-hive-project: true\n")
    expect(isHiveProject(root)).toBe(false)
    expect(isHiveProject(mkdtempSync(join(tmpdir(), "csl-no-repo-")))).toBe(false)
  })
})
