import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { withImportLine, withoutImportLine } from "../../src/config/claude-md-imports.js"
import { type HiveCopy, hiveIndexText, hiveLayout, importHiveIndex, removeHiveCopies } from "../../src/hive/hive-files.js"

const copy = (projectKey: string, name: string, actor: string): HiveCopy => ({ projectKey, name, actor, sha256: "0".repeat(64), content: `${actor}\n` })

describe("hive files", () => {
  it("HIVE.md imports every copy, relative to itself", () => {
    expect(hiveIndexText(["shop/build.md", "web/style.md"])).toBe(
      "# Hive: memory your teammates publish\n\n<!-- Written by `claude-hive sync`; read-only copies, rewritten on every sync. -->\n\n@shop/build.md\n@web/style.md\n",
    )
  })

  it("two teammates' files of the same project and name get their author in the name; nothing climbs out of the hive dir", () => {
    const layout = hiveLayout([copy("shop", "notes.md", "bob"), copy("shop", "notes.md", "alice"), copy("shop", "build.md", "bob"), copy("../etc", "x.md", "eve")])
    expect([...layout.keys()]).toEqual(["_-etc/x.md", "shop/build.md", "shop/notes.alice.md", "shop/notes.bob.md"])
  })

  it("CLAUDE.md gets @hive/HIVE.md once, at the end, and loses only that line again", () => {
    const claudeDir = mkdtempSync(join(tmpdir(), "csl-hive-claude-"))
    const claudeMd = join(claudeDir, "CLAUDE.md")
    writeFileSync(claudeMd, "@claude-session-logger.md\n# rules\n\n- be terse\n")
    expect(importHiveIndex(claudeDir)).toBe(true)
    expect(importHiveIndex(claudeDir)).toBe(false)
    expect(readFileSync(claudeMd, "utf8")).toBe("@claude-session-logger.md\n# rules\n\n- be terse\n@hive/HIVE.md\n")
    removeHiveCopies(claudeDir)
    expect(readFileSync(claudeMd, "utf8")).toBe("@claude-session-logger.md\n# rules\n\n- be terse\n")
  })

  it("uninstall leaves a hive dir and an import line it did not make (the Python version's)", () => {
    const claudeDir = mkdtempSync(join(tmpdir(), "csl-hive-claude-"))
    mkdirSync(join(claudeDir, "hive"))
    writeFileSync(join(claudeDir, "hive", "HIVE.md"), "theirs\n")
    writeFileSync(join(claudeDir, "CLAUDE.md"), "# rules\n@hive/HIVE.md\n")
    expect(importHiveIndex(claudeDir)).toBe(false)
    expect(removeHiveCopies(claudeDir)).toEqual([])
    expect(readFileSync(join(claudeDir, "CLAUDE.md"), "utf8")).toBe("# rules\n@hive/HIVE.md\n")
    expect(existsSync(join(claudeDir, "hive", "HIVE.md"))).toBe(true)
  })

  it("import lines: first or last, never twice; a missing CLAUDE.md gets just the line", () => {
    expect(withImportLine(undefined, "@a.md", "last")).toBe("@a.md\n")
    expect(withImportLine("x", "@a.md", "last")).toBe("x\n@a.md\n")
    expect(withImportLine("x\n", "@a.md", "first")).toBe("@a.md\nx\n")
    expect(withImportLine("x\n  @a.md  \n", "@a.md", "last")).toBe("x\n  @a.md  \n")
    expect(withoutImportLine("@a.md\nx\n", "@a.md")).toBe("x\n")
    expect(withoutImportLine("x\n", "@a.md")).toBe("x\n")
  })
})
