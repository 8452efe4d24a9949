import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { entriesCommands } from "../../src/cli/command-table.js"
import { type CliResult, freshHome, projectRoot, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"

/** A copy of some of dist/ in a directory of its own; node_modules stays reachable for DuckDB. */
const distCopy = (files: ReadonlyArray<string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "csl-dist-"))
  for (const file of files) copyFileSync(join(projectRoot, "dist", file), join(dir, file))
  return dir
}

const withNodeModules = { NODE_PATH: join(projectRoot, "node_modules") }

const run = (bin: string, args: ReadonlyArray<string>, home: string, extraEnv: Readonly<Record<string, string>> = withNodeModules): CliResult => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    // About the bundles: the launcher's light path for the note commands is off (light-entries.test.ts tests it).
    env: userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_FULL_CLI: "1", ...extraEnv }),
    cwd: home,
    encoding: "utf8",
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const fullCli = (args: ReadonlyArray<string>, home: string) => run(join(projectRoot, "dist", "main.cjs"), args, home)

const codeCaches = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".v8cache"))

const recorded = "backfill: 12 session(s) recorded, 0 unchanged, 0 skipped (files unchanged), 0 malformed line(s)\n"

/** Enough sessions that a cold backfill hands them to parse workers, and a copy of the bundles that run it. */
const backfillOnWorkers = () => {
  const { home, projectDir } = claudeHome()
  for (let session = 0; session < 12; session++) {
    const ctx = { sessionId: `00000000-0000-4000-8000-${String(session).padStart(12, "0")}` }
    const at = new Date(Date.UTC(2026, 10, 14, 9, session)).toISOString()
    writeLines(join(projectDir, `${ctx.sessionId}.jsonl`), [
      userPrompt(ctx, `prompt ${session}`, at),
      assistant(ctx, { messageId: `msg_${session}`, usage: { input: 10, output: 5 }, timestamp: at }),
    ])
  }
  const dir = distCopy(["cli.cjs", "main.cjs", "parse-worker.cjs", "parse-worker-start.cjs"])
  const backfill = (dataDir: string) => run(join(dir, "cli.cjs"), ["backfill"], home, { ...withNodeModules, CLAUDE_LOGGER_HOME: join(home, dataDir) })
  return { backfill, dir }
}

describe("start-up", () => {
  it("prints the full CLI's own --help and --version, byte for byte, without loading it", () => {
    const home = freshHome()
    const launcherAlone = join(distCopy(["cli.cjs"]), "cli.cjs")
    for (const arg of ["--help", "-h", "--version"]) {
      const full = fullCli([arg], home)
      expect(full.status, arg).toBe(0)
      expect(run(launcherAlone, [arg], home), arg).toEqual(full)
      expect(runCli([arg], { env: userEnv(home) }), arg).toEqual(full)
    }
  })

  it("runs the entries commands from their own bundle, printing what the full CLI prints", () => {
    const home = freshHome()
    const bin = join(distCopy(["cli.cjs", "entries.cjs"]), "cli.cjs")
    for (const args of [...entriesCommands.map((command) => [command, "--help"]), ["list", "--no-such-option"]]) {
      expect(run(bin, args, home), args.join(" ")).toEqual(fullCli(args, home))
    }
    const logged = run(bin, ["log", "--category", "task", "--title", "Ship it"], home)
    expect(logged.stdout).toMatch(/^logged task \(open\) id=[0-9A-Z]{26}\n$/)
    for (const args of [["list"], ["show", "--title-match", "ship"], ["resolve", "--title-match", "ship"], ["show", "--title-match", "nothing"]]) {
      expect(run(bin, args, home), args.join(" ")).toEqual(fullCli(args, home))
    }
  })

  it("bundles neither Effect nor DuckDB into the launcher and the hook bundles", () => {
    // esbuild marks each bundled module with a `// node_modules/<package>/…` comment.
    const bundled = (file: string) => readFileSync(join(projectRoot, "dist", file), "utf8")
    expect(bundled("main.cjs")).toContain("// node_modules/effect/") // the marker this test relies on
    for (const file of ["cli.cjs", "memory-hook.cjs", "statusline.cjs", "search.cjs", "memory-search.cjs", "light-entries.cjs", "light-backfill.cjs"]) {
      expect(bundled(file), file).not.toMatch(/\/\/ node_modules\/(effect|@duckdb|@effect)\//)
    }
  })

  it("loads DuckDB only for commands that open the store", () => {
    const home = freshHome()
    // No node_modules anywhere above this copy: DuckDB cannot be loaded at all.
    const bin = join(distCopy(["cli.cjs", "entries.cjs", "main.cjs"]), "cli.cjs")
    for (const args of [["list", "--help"], ["sessions", "--help"], ["resolve", "--no-such-option"], ["summary", "--period", "year"]]) {
      expect(run(bin, args, home, {}), args.join(" ")).toEqual(fullCli(args, home))
    }
  })

  it("compiles a bundle from a code cache made by its first run, and remakes a cache V8 rejects", () => {
    const home = freshHome()
    const dir = distCopy(["cli.cjs", "entries.cjs"])
    const bin = join(dir, "cli.cjs")
    const first = run(bin, ["log", "--category", "note", "--title", "cached"], home)
    expect(first.status).toBe(0)
    const [cache] = codeCaches(dir)
    expect(cache).toMatch(/^entries\.cjs\.[0-9a-f]{16}\.v8cache$/)
    const cachePath = join(dir, cache ?? "")
    const made = statSync(cachePath).mtimeMs

    const listed = run(bin, ["list"], home)
    expect(listed).toEqual(fullCli(["list"], home))
    expect(listed.stdout).toContain("cached")
    expect(statSync(cachePath).mtimeMs).toBe(made)

    writeFileSync(cachePath, "not a code cache")
    expect(run(bin, ["list"], home)).toEqual(listed)
    expect(statSync(cachePath).size).toBeGreaterThan(100_000)
    expect(codeCaches(dir)).toEqual([cache])
  })

  it("runs as before when the code cache cannot be written", () => {
    const home = freshHome()
    const dir = distCopy(["cli.cjs", "entries.cjs"])
    const bin = join(dir, "cli.cjs")
    expect(run(bin, ["init"], home).status).toBe(0)
    const [cache = ""] = codeCaches(dir)
    rmSync(join(dir, cache))
    // A directory where the cache belongs: it can be neither read nor replaced.
    mkdirSync(join(dir, cache))
    expect(run(bin, ["list"], home)).toEqual({ status: 0, stdout: "No entries.\n", stderr: "" })
    expect(readdirSync(dir).sort()).toEqual([cache, "cli.cjs", "entries.cjs"].sort())
  })

  it("parse workers compile their bundle from a code cache made by the first backfill that started them", () => {
    const { backfill, dir } = backfillOnWorkers()
    expect(backfill("first")).toEqual({ status: 0, stdout: recorded, stderr: "" })
    const workerCaches = () => codeCaches(dir).filter((name) => name.startsWith("parse-worker.cjs."))
    const [cache = ""] = workerCaches()
    expect(cache).toMatch(/^parse-worker\.cjs\.[0-9a-f]{16}\.v8cache$/)
    const made = statSync(join(dir, cache)).mtimeMs
    expect(backfill("second")).toEqual({ status: 0, stdout: recorded, stderr: "" })
    expect(workerCaches()).toEqual([cache])
    expect(statSync(join(dir, cache)).mtimeMs).toBe(made)
  })

  it("a damaged code cache (its size intact, bytes changed) is remade, never run: not the workers', not the CLI's", () => {
    const { backfill, dir } = backfillOnWorkers()
    expect(backfill("first")).toEqual({ status: 0, stdout: recorded, stderr: "" })
    const caches = codeCaches(dir)
    expect(caches.filter((name) => name.startsWith("parse-worker.cjs.") || name.startsWith("main.cjs."))).toHaveLength(2)
    // A few flipped bits past the header, as a bad disk block would leave them.
    for (const cache of caches) {
      const bytes = readFileSync(join(dir, cache))
      for (let at = 1000; at < bytes.length - 100; at += 997) bytes[at] = (bytes[at] ?? 0) ^ 0x5a
      writeFileSync(join(dir, cache), bytes)
    }
    const damaged = new Map(caches.map((cache) => [cache, readFileSync(join(dir, cache))]))
    expect(backfill("second")).toEqual({ status: 0, stdout: recorded, stderr: "" })
    expect(codeCaches(dir)).toEqual(caches)
    for (const cache of caches) expect(readFileSync(join(dir, cache)).equals(damaged.get(cache) ?? Buffer.alloc(0)), cache).toBe(false)
    expect(backfill("third")).toEqual({ status: 0, stdout: recorded, stderr: "" })
  })
})
