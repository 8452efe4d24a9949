import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { StoreExtensionsLive } from "../../src/composition/store-extensions-live.js"
import { AppConfig } from "../../src/config/app-config.js"
import { LocalStore } from "../../src/local-store/local-store.js"
import { type CliResult, freshHome, projectRoot, runCli, runCliAsync, userEnv } from "../support/cli.js"
import { eventually } from "../support/eventually.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/**
 * A copy of the launcher with only the light path beside it: a command it leaves to the full CLI
 * fails to read the bundle (ENOENT), so a test can tell that the light path
 * answered. Its detached `store-queued` fails the same way, as if killed right after the spool write.
 */
const lightOnlyDir = mkdtempSync(join(tmpdir(), "csl-light-only-"))
beforeAll(() => {
  for (const name of ["cli.cjs", "light-entries.cjs"]) copyFileSync(join(projectRoot, "dist", name), join(lightOnlyDir, name))
})

const runLightOnly = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, cwd: string): CliResult => {
  const result = spawnSync(process.execPath, [join(lightOnlyDir, "cli.cjs"), ...args], { env, cwd, input: "", encoding: "utf8", timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
const fellThrough = (result: CliResult) => result.status !== 0 && /ENOENT.*(entries|main)\.cjs/.test(result.stderr)

const storeWithOneEntry = () => {
  const home = freshHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
  const first = runCli(["log", "--category", "issue", "--title", "first issue"], { env })
  expect(first.status).toBe(0)
  return { home, env, dataDir: join(home, ".claude", "claude-session-logger"), firstId: /id=(\S+)/.exec(first.stdout)?.[1] ?? "" }
}

describe("the light path of the note commands", () => {
  it("a log answered by the light path is listed, shown and resolved at once, and stored by the next full command though its own store never ran", () => {
    const { home, env } = storeWithOneEntry()
    const logged = runLightOnly(["log", "--category", "task", "--title", "write the light path", "--body", "fast"], env, home)
    expect(logged.stdout).toMatch(/^logged task \(open\) id=\S+\n$/)
    const id = /id=(\S+)/.exec(logged.stdout)?.[1] ?? ""
    expect(runLightOnly(["list"], env, home).stdout).toContain("write the light path")
    expect(runLightOnly(["show", id.slice(-8)], env, home).stdout).toContain(`id: ${id}`)
    expect(runLightOnly(["resolve", "--id", id, "--note", "done"], env, home).stdout).toBe(`resolved task id=${id} (write the light path)\n`)
    // Its detached store failed (as if killed after the spool write): the full CLI finds both events.
    const shown = runCli(["show", id, "--json"], { env: { ...env, CLAUDE_LOGGER_FULL_CLI: "1" } })
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, status: "resolved", body: "fast\n\n[" + new Date().toISOString().slice(0, 10) + " alice → resolved] done" })
  })

  it("two logs at once, each with its detached store, both listed at once and both stored", async () => {
    const { env, dataDir } = storeWithOneEntry()
    const [one, two] = await Promise.all(["one at once", "two at once"].map((title) =>
      runCliAsync(["log", "--category", "note", "--title", title], { env })))
    expect([one?.status, two?.status]).toEqual([0, 0])
    const listed = runCli(["list"], { env }).stdout
    expect(listed).toContain("one at once")
    expect(listed).toContain("two at once")
    // The detached stores empty the spool; the full CLI then finds both in the database.
    const spool = join(dataDir, "spool")
    expect(await eventually(() => readdirSync(spool).filter((name) => name.endsWith(".json")).length, (left) => left === 0, 30_000)).toBe(0)
    const stored = runCli(["list", "--json"], { env: { ...env, CLAUDE_LOGGER_FULL_CLI: "1" } }).stdout
    expect(stored).toContain("one at once")
    expect(stored).toContain("two at once")
  }, 60_000)

  it("leaves the command to the full CLI when the read model is older than the snapshot", () => {
    const { home, env, dataDir } = storeWithOneEntry()
    expect(runLightOnly(["list"], env, home).status).toBe(0)
    const snapshotPath = join(dataDir, "snapshot.json")
    const snapshot = JSON.parse(readFileSync(snapshotPath, "utf8")) as Record<string, unknown>
    writeFileSync(snapshotPath, JSON.stringify({ ...snapshot, newestEventId: "7ZZZZZZZZZZZZZZZZZZZZZZZZZ" }))
    expect(fellThrough(runLightOnly(["list"], env, home))).toBe(true)
  })

  it("a log, then list, show, resolve and log again, are answered by the light path while another process holds the store and DuckDB rewrites its file", async () => {
    const { home, env, dataDir } = storeWithOneEntry()
    const logged = runLightOnly(["log", "--category", "task", "--title", "logged while stored"], env, home)
    const id = /id=(\S+)/.exec(logged.stdout)?.[1] ?? ""
    const database = join(dataDir, "sessions.duckdb")
    const fileState = () => {
      const stat = statSync(database)
      return `${stat.size}:${stat.mtimeMs}`
    }
    const before = fileState()
    // This process stands for the detached store-queued that log started: it opens the store,
    // ingests the queued log and, still holding the lock, checkpoints, as DuckDB does when it
    // closes the store (or when its log grows), which rewrites the file.
    const whileHeld = (localStore: LocalStore) =>
      localStore.use(({ db }) => db.run("CHECKPOINT").pipe(Effect.map(() => ({
        rewritten: fileState() !== before,
        list: runLightOnly(["list"], env, home),
        show: runLightOnly(["show", id.slice(-8)], env, home),
        resolve: runLightOnly(["resolve", "--id", id, "--note", "done"], env, home),
        log: runLightOnly(["log", "--category", "note", "--title", "logged while held"], env, home),
      }))))
    const store = LocalStore.Default.pipe(Layer.provide(StoreExtensionsLive), Layer.provide(AppConfig.forTest(dataDir, "alice")))
    const answers = await Effect.runPromise(LocalStore.pipe(Effect.flatMap(whileHeld), Effect.provide(store)))
    expect(answers.rewritten).toBe(true)
    for (const answer of [answers.list, answers.show, answers.resolve, answers.log]) expect(fellThrough(answer)).toBe(false)
    expect(answers.list.stdout).toContain("logged while stored")
    expect(answers.show.stdout).toContain(`id: ${id}`)
    expect(answers.resolve.stdout).toBe(`resolved task id=${id} (logged while stored)\n`)
    expect(answers.log.stdout).toMatch(/^logged note \(info\) id=\S+\n$/)
    // Nothing lost: once the store is let go, the full CLI finds every change.
    const stored = JSON.parse(runCli(["list", "--json"], { env: { ...env, CLAUDE_LOGGER_FULL_CLI: "1" } }).stdout) as ReadonlyArray<{ title: string; status: string }>
    expect(stored.map(({ title, status }) => `${title}: ${status}`).sort()).toEqual(["first issue: open", "logged while held: info", "logged while stored: resolved"])
  }, 60_000)

  it("answers from a read model newer than the snapshot, as a writer leaves them between its two writes", () => {
    const { home, env, dataDir } = storeWithOneEntry()
    const snapshotPath = join(dataDir, "snapshot.json")
    const earlierSnapshot = readFileSync(snapshotPath, "utf8")
    expect(runCli(["log", "--category", "note", "--title", "second note"], { env: { ...env, CLAUDE_LOGGER_FULL_CLI: "1" } }).status).toBe(0)
    // The writer has replaced the read model, not yet the snapshot.
    writeFileSync(snapshotPath, earlierSnapshot)
    const listed = runLightOnly(["list"], env, home)
    expect(fellThrough(listed)).toBe(false)
    expect(listed.stdout).toContain("second note")
  })

  it("leaves to the full CLI a queued change that sorts before the entry's last one", () => {
    const { home, env, dataDir, firstId } = storeWithOneEntry()
    expect(runCli(["resolve", "--id", firstId], { env }).status).toBe(0)
    const spoolDir = join(dataDir, "spool")
    mkdirSync(spoolDir, { recursive: true })
    const early = `${firstId.slice(0, 10)}${"0".repeat(15)}1`
    writeFileSync(join(spoolDir, `${early}.json`), JSON.stringify({
      id: early, type: "EntryStatusChanged", version: 1, entityId: firstId, deviceId: "d", actor: "bob",
      recordedAt: new Date().toISOString(), payload: { entryId: firstId, status: "blocked", note: null },
    }))
    expect(fellThrough(runLightOnly(["show", firstId], env, home))).toBe(true)
    expect(readdirSync(spoolDir)).toContain(`${early}.json`)
  })

  it("answers random sequences of log, resolve, list and show exactly as the full CLI does", () => {
    console.log(`light-entries seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    const words = ["alpha", "Beta", "gamma", "délta", "alpha beta", "x\u001b[31my", "two\nlines"]
    const Step = fc.record({
      kind: fc.constantFrom("log", "resolve", "list", "list", "show", "show"),
      light: fc.boolean(),
      inProject: fc.nat(2),
      title: fc.constantFrom(...words),
      category: fc.constantFrom("finding", "task", "decision", "issue", "note"),
      status: fc.option(fc.constantFrom("open", "in_progress", "blocked", "resolved", "info"), { nil: undefined }),
      body: fc.option(fc.constantFrom("details", "line one\nline two", ""), { nil: undefined }),
      byTitle: fc.boolean(),
      target: fc.nat(20),
      listFlags: fc.subarray(["--open", "--all-projects", "--json", "--category issue", "--status resolved", "--limit 2", "--project shop"]),
      json: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(Step, { minLength: 12, maxLength: 16 }), (steps) => {
        const home = freshHome()
        const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
        const fullEnv = { ...env, CLAUDE_LOGGER_FULL_CLI: "1" }
        const projects = ["shop", "blog", "tools"].map((name) => {
          const dir = join(home, name)
          mkdirSync(dir)
          return dir
        })
        expect(runCli(["log", "--category", "note", "--title", "seed entry"], { env: fullEnv }).status).toBe(0)
        const ids: Array<string> = []
        let answered = 0
        for (const step of steps) {
          const cwd = projects[step.inProject] ?? home
          const pick = ids.length === 0 ? undefined : ids[step.target % ids.length]
          const selector = step.byTitle || pick === undefined ? ["--title-match", step.title.split(/\s/)[0] ?? "x"] : ["--id", pick.slice(-8)]
          const args: ReadonlyArray<string> = step.kind === "log"
            ? ["log", "--category", step.category, "--title", step.title, ...(step.status ? ["--status", step.status] : []), ...(step.body === undefined ? [] : ["--body", step.body])]
            : step.kind === "resolve"
            ? ["resolve", ...selector, ...(step.status ? ["--status", step.status] : [])]
            : step.kind === "list"
            ? ["list", ...step.listFlags.flatMap((flag) => flag.split(" "))]
            : ["show", ...(selector[0] === "--id" ? [selector[1] ?? ""] : selector), ...(step.json ? ["--json"] : [])]
          if (step.kind === "log" || step.kind === "resolve") {
            // A write goes one way or the other; the reads that follow compare both.
            const light = step.light ? runLightOnly(args, env, cwd) : undefined
            const result = light === undefined || fellThrough(light) ? runCli(args, { env: fullEnv, cwd }) : light
            const id = /^logged \S+ \(\S+\) id=(\S+)$/m.exec(result.stdout)?.[1]
            if (id !== undefined) ids.push(id)
            continue
          }
          const light = runLightOnly(args, env, cwd)
          const full = runCli(args, { env: fullEnv, cwd })
          if (fellThrough(light)) continue
          answered++
          expect({ args, stdout: light.stdout, status: light.status }).toEqual({ args, stdout: full.stdout, status: full.status })
        }
        console.log(`light-entries: the light path answered ${answered} of ${steps.filter((step) => step.kind === "list" || step.kind === "show").length} reads`)
        // Whatever the sequence left behind, a plain listing of it is the light path's to answer, and alike.
        const everything = ["list", "--all-projects", "--json", "--limit", "100"]
        const light = runLightOnly(everything, env, home)
        expect(light.status).toBe(0)
        expect(light.stdout).toBe(runCli(everything, { env: fullEnv }).stdout)
      }),
      { seed, numRuns: 2, endOnFailure: true },
    )
  }, 600_000)
})
