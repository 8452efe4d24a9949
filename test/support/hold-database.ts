import { spawn } from "node:child_process"
import { projectRoot } from "./cli.js"

/**
 * Another process that opens the DuckDB file and keeps it (and its exclusive lock) for
 * `holdMs`. Resolves once the lock is held; `released` resolves when the holder exits.
 */
export const holdDatabase = async (path: string, holdMs: number) => {
  const script = `
    const { DuckDBInstance } = require("@duckdb/node-api")
    DuckDBInstance.create(${JSON.stringify(path)}).then(async (instance) => {
      const connection = await instance.connect()
      await connection.run("SELECT 1")
      process.stdout.write("held\\n")
      setTimeout(() => { connection.closeSync(); instance.closeSync(); process.exit(0) }, ${holdMs})
    })`
  const child = spawn(process.execPath, ["-e", script], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] })
  const released = new Promise<void>((done) => child.on("exit", () => done()))
  await new Promise<void>((done, fail) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("held") && done())
    child.on("exit", (code) => fail(new Error(`lock holder exited early (${code})`)))
  })
  return { released }
}
