import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { describe, expect, it } from "vitest"

/**
 * The layers of src/, lowest first (ARCHITECTURE.md draws them). A folder may import its own
 * layer's folders and any lower layer's, never a higher one's; folders never import in a cycle.
 */
const layers: ReadonlyArray<ReadonlyArray<string>> = [
  ["store"],
  ["config", "terminal", "transcript", "events"],
  ["projections"],
  ["usage"],
  ["snapshot"],
  ["local-store"],
  ["entries", "sessions", "recording", "legacy", "memory", "activity", "budgets"],
  ["sync", "search", "tui", "export", "hive"],
  ["composition"],
  ["setup", "browser"],
  ["cli"],
]

const srcDir = resolve(import.meta.dirname, "..", "..", "src")
const rankOf = new Map(layers.flatMap((folders, rank) => folders.map((folder) => [folder, rank] as const)))

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })

const folderOf = (file: string) => relative(srcDir, file).split("/")[0] ?? ""

/** Every import (static, dynamic, require or type-only) from one src folder into another. */
const crossFolderImports = () =>
  sourceFiles(srcDir).flatMap((file) => {
    const text = readFileSync(file, "utf8")
    const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)"(\.{1,2}\/[^"]+)"/g)].map((match) => match[1] ?? "")
    return specifiers
      .map((specifier) => ({ file: relative(srcDir, file), from: folderOf(file), to: folderOf(resolve(dirname(file), specifier)) }))
      .filter((edge) => edge.from !== edge.to && rankOf.has(edge.to))
  })

describe("the layers of src/", () => {
  it("every folder of src/ has a layer", () => {
    const folders = readdirSync(srcDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    expect(folders.filter((folder) => !rankOf.has(folder))).toEqual([])
  })

  it("no folder imports a folder of a higher layer", () => {
    const upward = crossFolderImports()
      .filter((edge) => (rankOf.get(edge.to) ?? 0) > (rankOf.get(edge.from) ?? 0))
      .map((edge) => `${edge.file} → ${edge.to}`)
    expect(upward).toEqual([])
  })

  it("no two folders import each other, directly or through others", () => {
    const arrows = new Map<string, Set<string>>()
    for (const edge of crossFolderImports()) arrows.set(edge.from, (arrows.get(edge.from) ?? new Set()).add(edge.to))
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      [...(arrows.get(from) ?? [])].some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))))
    expect([...arrows.keys()].filter((folder) => reaches(folder, folder))).toEqual([])
  })
})
