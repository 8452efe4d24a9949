import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { cliPath, parseJson, runCliAsync, runCli, userEnv } from "../support/cli.js"
import { assistant, claudeHome, userPrompt, writeLines } from "../support/transcript-builder.js"
import type { SessionView } from "../../src/sessions/session-queries.js"

let home: string
let projectDir: string

const t = (second: number) => new Date(Date.UTC(2026, 10, 14, 9, 0, second)).toISOString()
/** Enough sessions (more than a few) that a cold backfill hands them to parse workers. */
const writeSessions = (count: number, linesEach: number) => {
  for (let session = 0; session < count; session++) {
    const ctx = { sessionId: `00000000-0000-4000-8000-${String(session).padStart(12, "0")}` }
    writeLines(
      join(projectDir, `${ctx.sessionId}.jsonl`),
      Array.from({ length: linesEach }, (_, line) => [
        userPrompt(ctx, `prompt ${line}`, t(line % 60)),
        assistant(ctx, { messageId: `${ctx.sessionId}-msg_${line}`, usage: { input: 10, output: 5 }, timestamp: t(line % 60) }),
      ]).flat(),
    )
  }
}

beforeEach(() => {
  ;({ home, projectDir } = claudeHome())
})

/** Runs a cold backfill into its own data dir and interrupts it (Ctrl-C) `afterMs` after its store file appears. */
const interruptedBackfill = (afterMs: number) =>
  new Promise<{ readonly status: number | null; readonly signal: NodeJS.Signals | null; readonly hung: boolean }>((done) => {
    const dataDir = join(home, `data-${afterMs}`)
    const child = spawn(process.execPath, [cliPath, "backfill"], {
      env: userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_HOME: dataDir, CLAUDE_LOGGER_FULL_CLI: "1" }),
      stdio: "ignore",
    })
    let hung = false
    const watching = setInterval(() => {
      if (!existsSync(join(dataDir, "sessions.duckdb"))) return
      clearInterval(watching)
      setTimeout(() => {
        child.kill("SIGINT")
        setTimeout(() => {
          hung = child.exitCode === null && child.signalCode === null
          if (hung) child.kill("SIGKILL")
        }, 10_000).unref()
      }, afterMs)
    }, 5)
    child.on("exit", (status, signal) => {
      clearInterval(watching)
      done({ status, signal, hung })
    })
  })

describe("Ctrl-C during a cold backfill", () => {
  it("ends the process within seconds, by itself, at any moment of storing (it hung, or crashed, when the store was closed under a running statement)", async () => {
    writeSessions(150, 10)
    const runs = []
    for (const afterMs of [0, 40, 80, 120, 160, 200, 240, 280]) runs.push({ afterMs, ...(await interruptedBackfill(afterMs)) })
    expect(runs.filter((run) => run.hung || run.signal !== null)).toEqual([])
    const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_HOME: join(home, "data-0") })
    expect(runCli(["backfill"], { env })).toMatchObject({ status: 0, stderr: "" })
  }, 120_000)
})

describe("a cold backfill whose store cannot be created", () => {
  // A file among the data dir's parents makes every look at the data dir fail with ENOTDIR.
  it.each([["the light path", {}], ["the full CLI", { CLAUDE_LOGGER_FULL_CLI: "1" }]])(
    "says so in one line when a parent of the data dir is a file (%s)",
    (_, extra) => {
      writeSessions(10, 2)
      const aFile = join(home, "not-a-folder")
      writeFileSync(aFile, "")
      const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice", CLAUDE_LOGGER_HOME: join(aFile, "data"), ...extra })
      const result = runCli(["backfill"], { env })
      expect(result.status).not.toBe(0)
      expect(result.stderr.trim().split("\n")).toHaveLength(1)
      expect(result.stderr).toContain("ENOTDIR")
      expect(result.stderr).not.toContain("unexpected error")
      expect(result.stderr).not.toMatch(/^\s+at /m)
    },
  )
})

describe("finding sessions among links and special files", () => {
  it("records linked transcripts and linked session folders, and skips FIFOs, sockets, folders and broken links", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "csl-elsewhere-"))
    const session = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, "0")}`
    const spend = (id: string, messageId: string, output: number) =>
      assistant({ sessionId: id }, { messageId, usage: { input: 1, output }, timestamp: t(1) })
    // A transcript that lives elsewhere, linked into the project folder.
    writeLines(join(elsewhere, "linked.jsonl"), [userPrompt({ sessionId: session("1") }, "linked", t(0)), spend(session("1"), "m1", 10)])
    symlinkSync(join(elsewhere, "linked.jsonl"), join(projectDir, `${session("1")}.jsonl`))
    // A session whose folder (with its subagents) is a link, one of them a linked file.
    writeLines(join(projectDir, `${session("2")}.jsonl`), [userPrompt({ sessionId: session("2") }, "main", t(0)), spend(session("2"), "m2", 20)])
    writeLines(join(elsewhere, "folder", "subagents", "agent-a.jsonl"), [spend(session("2"), "m3", 300)])
    writeLines(join(elsewhere, "agent-b.jsonl"), [spend(session("2"), "m4", 4000)])
    symlinkSync(join(elsewhere, "agent-b.jsonl"), join(elsewhere, "folder", "subagents", "agent-b.jsonl"))
    symlinkSync(join(elsewhere, "folder"), join(projectDir, session("2")))
    // Nothing to read: a FIFO, a socket, a folder and a broken link, all named like transcripts.
    execFileSync("mkfifo", [join(projectDir, `${session("3")}.jsonl`)])
    const socket = createServer()
    await new Promise<void>((listening) => socket.listen(join(projectDir, `${session("4")}.jsonl`), listening))
    mkdirSync(join(projectDir, `${session("5")}.jsonl`))
    symlinkSync(join(elsewhere, "gone.jsonl"), join(projectDir, `${session("6")}.jsonl`))
    try {
      const env = userEnv(home, { CLAUDE_LOGGER_USER: "alice" })
      const backfill = await runCliAsync(["backfill"], { env })
      expect(backfill.stderr).toBe("")
      expect(backfill.stdout).toContain("backfill: 2 session(s) recorded")
      const sessions = parseJson<ReadonlyArray<SessionView>>(await runCliAsync(["sessions", "--json", "--limit", "100"], { env }))
      expect(sessions.map((view) => [view.session_id, view.output_tokens]).sort()).toEqual([[session("1"), 10], [session("2"), 4320]])
    } finally {
      socket.close()
    }
  })
})
