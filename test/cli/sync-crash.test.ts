import { DuckDBInstance } from "@duckdb/node-api"
import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliPath, freshHome, parseJson, runCli, userEnv } from "../support/cli.js"

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
let state = seed >>> 0
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = Math.imul(state ^ (state >>> 15), state | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const idsInFile = async (path: string, table: string) => {
  const instance = await DuckDBInstance.create(path)
  try {
    const connection = await instance.connect()
    const rows = (await connection.runAndReadAll(`SELECT id FROM ${table} ORDER BY id`)).getRowObjectsJS()
    connection.closeSync()
    return rows.map((row) => String(row.id))
  } finally {
    instance.closeSync()
  }
}

/** Starts `sync` and kills it with SIGKILL after `afterMs`, wherever it is. */
const killedSync = (env: NodeJS.ProcessEnv, afterMs: number) =>
  new Promise<void>((done) => {
    const child = spawn(process.execPath, [cliPath, "sync"], { env, stdio: "ignore" })
    const timer = setTimeout(() => child.kill("SIGKILL"), afterMs)
    child.on("exit", () => {
      clearTimeout(timer)
      done()
    })
  })

describe("sync survives kill -9 at any point", () => {
  it(`then a clean sync leaves exactly the same events on both sides (seed=${seed})`, async () => {
    console.log(`sync-crash seed=${seed} (replay with PROPERTY_SEED=${seed})`)
    const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
    const home = freshHome()
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_REMOTE: remote })
    for (let n = 0; n < 30; n++) runCli(["log", "--category", "task", "--title", `task ${n}`], { env })

    for (let round = 0; round < 12; round++) {
      await killedSync(env, Math.floor(random() * 900))
      if (random() < 0.5) runCli(["log", "--category", "note", "--title", `between kills ${round}`], { env })
    }
    expect(runCli(["sync"], { env }).status).toBe(0)
    expect(runCli(["sync"], { env }).stdout).toMatch(/^pushed 0, pulled 0 /)

    const local = await idsInFile(join(home, ".claude", "claude-session-logger", "sessions.duckdb"), "events")
    const remoteIds = await idsInFile(remote, "events")
    expect(remoteIds).toEqual(local)
    expect(new Set(remoteIds).size).toBe(remoteIds.length)

    const other = userEnv(freshHome(), { CLAUDE_LOGGER_USER: "bob", CLAUDE_LOGGER_REMOTE: remote })
    expect(runCli(["sync"], { env: other }).stdout).toMatch(new RegExp(`^pushed 0, pulled ${local.length} `))
    expect(parseJson<ReadonlyArray<unknown>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env: other })))
      .toEqual(parseJson<ReadonlyArray<unknown>>(runCli(["list", "--all-projects", "--json", "--limit", "1000"], { env })))
  }, 240_000)
})
