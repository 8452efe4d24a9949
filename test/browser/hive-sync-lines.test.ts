import { homedir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { syncLines } from "../../src/browser/hive-backend.js"
import type { HiveSyncResult } from "../../src/hive/hive-service.js"

const nothing: HiveSyncResult = { written: [], removed: [], overwritten: [], entryEventsPulled: 0, published: 0, refused: [], unreachable: [] }

describe("the Refresh view's lines", () => {
  it("given a sync that did nothing, then it says everything is up to date", () => {
    expect(syncLines(nothing)).toEqual(["everything is up to date"])
  })

  it("given a sync that did things, then one line each, paths under the home as ~/…", () => {
    const copy = join(homedir(), ".claude", "hive", "shop", "testing.md")
    expect(syncLines({
      ...nothing,
      written: [copy],
      removed: ["/elsewhere/old.md"],
      overwritten: [copy],
      entryEventsPulled: 3,
      refused: [{ projectKey: "shop", name: "aws.md", reason: "looks like it holds a secret (AWS access key)" }],
      unreachable: [{ url: "md:_share/claude_hive/0b0b", reason: "no MotherDuck token" }],
    })).toEqual([
      "wrote ~/.claude/hive/shop/testing.md",
      "removed /elsewhere/old.md",
      "overwrote your edit of ~/.claude/hive/shop/testing.md: hive files are read-only copies",
      "pulled 3 entry event(s) of hive projects",
      "not republished: shop/aws.md: looks like it holds a secret (AWS access key)",
      "unreachable: md:_share/claude_hive/0b0b: no MotherDuck token",
    ])
  })
})
