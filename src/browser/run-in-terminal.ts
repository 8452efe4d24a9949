import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { printableLine } from "../terminal/printable-text.js"
import { readConversation } from "../transcript/conversation.js"
import type { BrowserActions, BrowserSession } from "../tui/browser-model.js"
import type { BrowserBackend } from "./browser-backend.js"

type TuiModule = typeof import("../tui/run-browser.js")

/**
 * The UI is an ES module (Ink loads its layout engine with top-level await). Ink renders only a
 * final frame when it believes it runs in CI, judged from `CI` once at import; the browser only
 * starts on a terminal, where a person is, so it is imported as interactive.
 */
const importTui = async (distDir: string): Promise<TuiModule> => {
  const ci = process.env.CI
  process.env.CI = "false"
  try {
    return (await import(pathToFileURL(join(distDir, "tui.mjs")).href)) as TuiModule
  } finally {
    if (ci === undefined) delete process.env.CI
    else process.env.CI = ci
  }
}

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
  const tui = await importTui(distDir)
  const backend = new Promise<BrowserBackend>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(loadBackend())
      } catch (error) {
        reject(error)
      }
    })
  )
  const actions: BrowserActions = {
    loadSessions: () => backend.then((ready) => ready.loadSessions()),
    loadSummary: (period) => backend.then((ready) => ready.loadSummary(period)),
    searchContent: (term) => backend.then((ready) => ready.searchContent(term)),
    loadConversation: (path) => readConversation(path),
  }
  const outcome = await tui.runBrowser(actions)
  await backend.then((ready) => ready.dispose(), () => undefined)
  if (outcome.kind === "quit") return 0
  process.stdout.write(`${printableLine(`resuming ${outcome.session.title ?? outcome.session.session_id} in ${outcome.session.cwd}`)}\n`)
  const code = await resume(outcome.session)
  if (code === 127) process.stderr.write("claude-session-logger: could not start `claude`; is Claude Code installed and on your PATH?\n")
  return code
}
