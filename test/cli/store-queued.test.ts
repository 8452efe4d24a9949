import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { expect, it } from "vitest"
import { freshHome, parseJson, runCli, userEnv } from "../support/cli.js"

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

it("a burst of light-path logs is stored by one process at a time; the queue waits while another holds it, and nothing is lost", async () => {
  const home = freshHome()
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
  const spool = join(home, ".claude", "claude-session-logger", "spool")
  expect(runCli(["init"], { env }).status).toBe(0)
  // Another process (this test, alive) is storing the queue: the detached stores the logs start must leave it to it.
  mkdirSync(spool, { recursive: true })
  const lock = join(spool, ".store.lock")
  writeFileSync(lock, String(process.pid))
  for (const title of ["one", "two", "three"]) expect(runCli(["log", "--category", "note", "--title", title], { env }).status).toBe(0)
  await sleep(3_000)
  const queued = () => (existsSync(spool) ? readdirSync(spool).filter((name) => name.endsWith(".json")) : [])
  expect(queued()).toHaveLength(3)

  rmSync(lock)
  expect(runCli(["store-queued"], { env }).status).toBe(0)
  expect(queued()).toEqual([])
  const titles = parseJson<ReadonlyArray<{ readonly title: string }>>(runCli(["list", "--all-projects", "--json"], { env: { ...env, CLAUDE_LOGGER_FULL_CLI: "1" } }))
    .map((entry) => entry.title)
  expect(titles.sort()).toEqual(["one", "three", "two"])
}, 60_000)
