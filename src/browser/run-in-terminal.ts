import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { printableLine } from "../terminal/printable-text.js"
import { readConversation } from "../transcript/conversation.js"
import type { BrowserActions, BrowserSession } from "../tui/browser-model.js"
import type { BrowserBackend } from "./browser-backend.js"

type TuiModule = typeof import("../tui/run-browser.js")

/** Colours unless the user asked for none (NO_COLOR set and not empty, see no-color.org) or the terminal has none. */
export const wantsColour = (env: NodeJS.ProcessEnv): boolean => (env.NO_COLOR ?? "") === "" && env.TERM !== "dumb"

/**
 * What the environment must say while the UI module is imported: Ink (is-in-ci) and chalk
 * (supports-color) each decide once, at import, from it. Ink renders only a final frame when it
 * sees `CI`, and chalk turns every colour off when it sees `CI` at all, even `CI=false`. The
 * browser only starts on a terminal, where a person is, so the CI variables are hidden; with
 * colours off, FORCE_COLOR=0 tells chalk so.
 */
export const uiImportEnv = (env: NodeJS.ProcessEnv): Readonly<Record<string, string | undefined>> => ({
  CI: undefined,
  CONTINUOUS_INTEGRATION: undefined,
  FORCE_COLOR: wantsColour(env) ? env.FORCE_COLOR : "0",
})

/** A UI bundle (`tui.mjs`, `hive-tui.mjs`) is an ES module: Ink loads its layout engine with top-level await. */
export const importUiModule = async <Module>(distDir: string, fileName: string): Promise<Module> => {
  const override = uiImportEnv(process.env)
  const saved = Object.fromEntries(Object.keys(override).map((name) => [name, process.env[name]]))
  const apply = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  apply(override)
  try {
    return (await import(pathToFileURL(join(distDir, fileName)).href)) as Module
  } finally {
    apply(saved)
  }
}

/** The backend, loaded once the UI has drawn its first frame; a failure to load rejects every read. */
export const loadedAfterFirstFrame = <Backend>(load: () => Backend): Promise<Backend> =>
  new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(load())
      } catch (error) {
        reject(error)
      }
    })
  )

/** Runs `claude --resume <id>` in the session's directory and hands it the terminal. */
const resume = (session: BrowserSession) =>
  new Promise<number>((done) => {
    const cwd = existsSync(session.cwd) ? session.cwd : process.cwd()
    const child = spawn("claude", ["--resume", session.session_id], { cwd, stdio: "inherit" })
    child.on("error", () => done(127))
    child.on("exit", (code) => done(code ?? 0))
  })

/**
 * The browser, from first frame to resumed session; returns the exit code. The menu renders
 * before `loadBackend` (Effect and DuckDB) is even loaded, and the screens that need data wait
 * for it, so the first frame costs the same with a hundred thousand sessions as with none.
 */
export const runBrowserInTerminal = async (distDir: string, loadBackend: () => BrowserBackend): Promise<number> => {
  const tui = await importUiModule<TuiModule>(distDir, "tui.mjs")
  const backend = loadedAfterFirstFrame(loadBackend)
  const actions: BrowserActions = {
    loadSessions: () => backend.then((ready) => ready.loadSessions()),
    loadSummary: (period) => backend.then((ready) => ready.loadSummary(period)),
    searchContent: (term) => backend.then((ready) => ready.searchContent(term)),
    loadConversation: (path) => readConversation(path),
    loadActivity: (sessionId) => backend.then((ready) => ready.loadActivity(sessionId)),
  }
  const outcome = await tui.runBrowser(actions, wantsColour(process.env))
  await backend.then((ready) => ready.dispose(), () => undefined)
  if (outcome.kind === "quit") return 0
  process.stdout.write(`${printableLine(`resuming ${outcome.session.title ?? outcome.session.session_id} in ${outcome.session.cwd}`)}\n`)
  const code = await resume(outcome.session)
  if (code === 127) process.stderr.write("claude-session-logger: could not start `claude`; is Claude Code installed and on your PATH?\n")
  return code
}
