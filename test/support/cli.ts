import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

export const projectRoot = resolve(import.meta.dirname, "../..")
export const cliPath = join(projectRoot, "dist", "cli.cjs")

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A fresh HOME with nothing in it: the real ~/.claude is never touched. */
export const freshHome = (): string => mkdtempSync(join(tmpdir(), "csl-home-"))

/** The environment a user would have, minus anything from the developer's machine. */
export const userEnv = (home: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: home,
  XDG_CONFIG_HOME: join(home, ".config"),
  GIT_CONFIG_NOSYSTEM: "1",
  ...extra,
})

export interface RunOptions {
  readonly env: NodeJS.ProcessEnv
  readonly cwd?: string
  readonly input?: string
}

/** Runs the built bin as a user would. */
export const runCli = (args: ReadonlyArray<string>, options: RunOptions): CliResult => {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    env: options.env,
    cwd: options.cwd ?? options.env.HOME,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export const runCliAsync = (args: ReadonlyArray<string>, options: RunOptions): Promise<CliResult> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: options.env, cwd: options.cwd ?? options.env.HOME })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.on("error", fail)
    child.on("close", (status) => done({ status, stdout, stderr }))
  })

export const parseJson = <A>(result: CliResult): A => {
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`)
  return JSON.parse(result.stdout) as A
}
