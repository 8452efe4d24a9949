import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { HiveBackend } from "../../src/browser/hive-backend.js"
import { runHiveInTerminal } from "../../src/browser/run-hive-in-terminal.js"

/** A stand-in for dist/hive-tui.mjs: the user applies a publish and leaves at once. */
const appThatPublishesAndLeaves = () => {
  const distDir = mkdtempSync(join(tmpdir(), "csl-hive-ui-"))
  writeFileSync(join(distDir, "hive-tui.mjs"), "export const runHiveApp = async (actions) => { void actions.publish([\"shop/testing.md\"], []) }\n")
  return distDir
}

const unused = () => Promise.reject(new Error("not asked in this test"))

describe("leaving the claude-hive app", () => {
  it("right after an apply, the publish completes before the app's process may exit", async () => {
    const happened: Array<string> = []
    const backend: HiveBackend = {
      publishableFiles: unused,
      publish: () => new Promise((done) => setTimeout(() => (happened.push("published"), done({ lines: [], url: "/srv/hive.duckdb" })), 300)),
      projectsAt: unused,
      subscriptions: unused,
      subscribe: unused,
      unsubscribe: unused,
      sync: unused,
      dispose: async () => void happened.push("disposed"),
    }
    const code = await runHiveInTerminal(appThatPublishesAndLeaves(), () => backend)
    expect(code).toBe(0)
    expect(happened).toEqual(["published", "disposed"])
  })
})
