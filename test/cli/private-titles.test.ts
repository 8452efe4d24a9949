import { DuckDBInstance } from "@duckdb/node-api"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseJson, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, metadata, userPrompt, writeLines } from "../support/transcript-builder.js"

const planted = "PLANTED-7c1e secret customer name in the first prompt"
const prompted = { sessionId: "7f3c0a51-0000-4000-8000-0000000000a1", cwd: "/home/dev/projects/shop" }
const titled = { sessionId: "7f3c0a51-0000-4000-8000-0000000000a2", cwd: "/home/dev/projects/shop" }

/** Every payload the remote file holds, as text. */
const remotePayloads = async (remote: string) => {
  const instance = await DuckDBInstance.create(remote, { access_mode: "READ_ONLY" })
  const connection = await instance.connect()
  const rows = (await connection.runAndReadAll(`SELECT payload::VARCHAR AS payload FROM events`)).getRowObjectsJS()
  connection.closeSync()
  instance.closeSync()
  return rows.map((row) => String(row.payload))
}

/** One session titled by its first prompt only, one with a custom title; backfilled and synced. */
const syncedDevice = (setupArgs: ReadonlyArray<string> | undefined) => {
  const { home, projectDir } = claudeHome()
  const remote = join(mkdtempSync(join(tmpdir(), "csl-remote-")), "shared.duckdb")
  const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_REMOTE: remote, CLAUDE_LOGGER_CRONTAB: "/bin/true" })
  writeLines(join(projectDir, `${prompted.sessionId}.jsonl`), [
    userPrompt(prompted, `${planted}\nmore lines`, "2026-10-01T12:00:00.000Z"),
    assistant(prompted, { messageId: "msg_a1", usage: { input: 10 }, timestamp: "2026-10-01T12:01:00.000Z" }),
  ])
  writeLines(join(projectDir, `${titled.sessionId}.jsonl`), [
    userPrompt(titled, "another private prompt", "2026-10-02T12:00:00.000Z"),
    assistant(titled, { messageId: "msg_a2", usage: { input: 10 }, timestamp: "2026-10-02T12:01:00.000Z" }),
    metadata("custom-title", { customTitle: "Coupon codes", sessionId: titled.sessionId }),
  ])
  const run = (args: ReadonlyArray<string>) => {
    const result = runCli(args, { env })
    expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(0)
    return result.stdout
  }
  const setupOutput = setupArgs === undefined ? "" : run(setupArgs)
  run(["backfill"])
  run(["sync"])
  return { home, remote, run, setupOutput }
}

describe("titles taken from prompts", () => {
  it("setup --private-titles: the first prompt's line never reaches the remote; this machine still shows it", async () => {
    const device = syncedDevice(["setup", "--no-cloud", "--private-titles"])
    expect(device.setupOutput).toMatch(/session titles taken from a first prompt now stay on this machine \("sync_titles": false in .*config\.json\)/)
    const config = JSON.parse(readFileSync(join(device.home, ".claude", "claude-session-logger", "config.json"), "utf8")) as unknown
    expect(config).toEqual({ sync_titles: false })

    const payloads = await remotePayloads(device.remote)
    expect(payloads).toHaveLength(2)
    expect(payloads.join("\n")).not.toContain("PLANTED-7c1e")
    expect(payloads.join("\n")).toContain("Coupon codes")

    const local = JSON.parse(device.run(["sessions", "--json"])) as ReadonlyArray<{ session_id: string; title: string | null }>
    expect(local.find((session) => session.session_id === prompted.sessionId)?.title).toBe(planted)

    // Another device pulling from the remote sees the session, without the title.
    const { home } = claudeHome()
    const bob = userEnv(home, { CLAUDE_LOGGER_USER: "bob", CLAUDE_LOGGER_REMOTE: device.remote })
    expect(runCli(["sync"], { env: bob }).status).toBe(0)
    const pulled = parseJson<ReadonlyArray<{ session_id: string; title: string | null }>>(runCli(["sessions", "--json"], { env: bob }))
    expect(pulled.find((session) => session.session_id === prompted.sessionId)).toMatchObject({ title: null })
    expect(pulled.find((session) => session.session_id === titled.sessionId)).toMatchObject({ title: "Coupon codes" })
  })

  it("by default titles sync as the README says", async () => {
    const device = syncedDevice(undefined)
    expect((await remotePayloads(device.remote)).join("\n")).toContain("PLANTED-7c1e")
  })
})
