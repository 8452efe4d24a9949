import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Console, Effect, Runtime } from "effect"
import { contentHits } from "../search/content-hits.js"
import { browserSessions } from "../sessions/session-queries.js"
import type { Period } from "../sessions/usage-summary.js"
import { bucketLabels, summaryRange, usageByProject, usageSummary } from "../sessions/usage-summary.js"
import { LocalStore } from "../store/local-store.js"
import { readConversation } from "../transcript/conversation.js"
import type { BrowserActions, BrowserSession } from "../tui/browser-model.js"

type TuiModule = typeof import("../tui/run-browser.js")

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** Runs `claude --resume <id>` in the session's directory and hands it the terminal. */
const resume = (session: BrowserSession) =>
  Effect.async<number>((done) => {
    const cwd = existsSync(session.cwd) ? session.cwd : process.cwd()
    const child = spawn("claude", ["--resume", session.session_id], { cwd, stdio: "inherit" })
    child.on("error", () => done(Effect.succeed(127)))
    child.on("exit", (code) => done(Effect.succeed(code ?? 0)))
  })

/**
 * The UI is an ES module (Ink loads its layout engine with top-level await). Ink renders only a
 * final frame when it believes it runs in CI, judged from `CI` once at import; the browser only
 * starts on a terminal, where a person is, so it is imported as interactive.
 */
const loadTui = Effect.acquireUseRelease(
  Effect.sync(() => {
    const ci = process.env.CI
    process.env.CI = "false"
    return ci
  }),
  () => Effect.promise((): Promise<TuiModule> => import(pathToFileURL(join(__dirname, "tui.mjs")).href)),
  (ci) =>
    Effect.sync(() => {
      if (ci === undefined) delete process.env.CI
      else process.env.CI = ci
    }),
)

/**
 * The interactive browser. Sessions are read and the database closed before the first frame:
 * nothing holds the file while the user reads, so hooks record normally meanwhile.
 */
export const browse = Effect.gen(function* () {
  const store = yield* LocalStore
  const run = Runtime.runPromise(yield* Effect.runtime<LocalStore>())
  // Reading starts now and the menu does not wait for it.
  const sessions: Promise<ReadonlyArray<BrowserSession>> = run(store.use(({ db }) => browserSessions(db))).then((rows) =>
    rows.map((row) => ({ ...row, transcript_here: row.transcript_path !== null && existsSync(row.transcript_path) }))
  )
  const tui = yield* loadTui
  const zone = localZone()
  const actions: BrowserActions = {
    loadSessions: () => sessions,
    loadSummary: (period: Period) =>
      run(store.use(({ db }) =>
        Effect.gen(function* () {
          const range = yield* summaryRange(db, period, zone)
          const since = range?.since ? new Date(range.since) : undefined
          const until = range?.until ? new Date(range.until) : undefined
          return {
            range: range?.label ?? "nothing recorded yet",
            buckets: range?.label ? bucketLabels(period, range.label) : [],
            rows: yield* usageSummary(db, { period, timeZone: zone, since, until }),
            byProject: yield* usageByProject(db, { since, until }),
          }
        })
      )),
    searchContent: (term) =>
      run(Effect.promise(() => sessions).pipe(Effect.flatMap((loaded) => contentHits(loaded, term)), Effect.map((hits) => new Map([...hits].map(([id, hit]) => [id, hit.snippet]))))),
    loadConversation: (path) => readConversation(path),
  }
  const outcome = yield* Effect.promise(() => tui.runBrowser(actions))
  if (outcome.kind === "quit") return
  yield* Console.log(`resuming ${outcome.session.title ?? outcome.session.session_id} in ${outcome.session.cwd}`)
  const code = yield* resume(outcome.session)
  if (code === 127) yield* Console.error("claude-session-logger: could not start `claude`; is Claude Code installed and on your PATH?")
})
