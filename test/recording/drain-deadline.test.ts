import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { armDeadline } from "../../src/recording/drain-deadline.js"

/** A process whose main thread does nothing we could interrupt, standing in for a stuck drain. */
const stuckProcess = () => spawn("sleep", ["30"], { stdio: "ignore" })
const exited = (child: ReturnType<typeof stuckProcess>, withinMs: number) =>
  new Promise<NodeJS.Signals | null | "still running">((done) => {
    const timer = setTimeout(() => done("still running"), withinMs)
    child.once("exit", (_, signal) => {
      clearTimeout(timer)
      done(signal)
    })
  })

describe("the drain's deadline", () => {
  it("kills the process once it has passed, after saying so in the log", async () => {
    const child = stuckProcess()
    const logPath = join(mkdtempSync(join(tmpdir(), "csl-deadline-")), "log")
    armDeadline({ pid: child.pid ?? -1, deadlineMs: 200, logPath, lastWords: "record: past the deadline" })
    expect(await exited(child, 5_000)).toBe("SIGKILL")
    expect(readFileSync(logPath, "utf8")).toMatch(/^\S+ record: past the deadline\n$/)
  })

  it("does nothing once disarmed", async () => {
    const child = stuckProcess()
    const disarm = armDeadline({ pid: child.pid ?? -1, deadlineMs: 300, logPath: "/nonexistent/log", lastWords: "" })
    disarm()
    expect(await exited(child, 1_000)).toBe("still running")
    child.kill("SIGKILL")
  })
})
