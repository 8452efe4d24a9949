import { Box, Text, useApp, useInput, useStdout } from "ink"
import { useEffect, useState } from "react"
import type { BrowserActions, BrowserOutcome, BrowserSession } from "./browser-model.js"
import { ResumeScreen } from "./resume-screen.js"
import { SummaryScreen } from "./summary-screen.js"
import { ViewerScreen } from "./viewer-screen.js"

type Screen = { readonly name: "menu" } | { readonly name: "resume" } | { readonly name: "summary" } | {
  readonly name: "viewer"
  readonly sessions: ReadonlyArray<BrowserSession>
}

const Menu = ({ onPick }: { readonly onPick: (choice: "resume" | "summary" | "quit") => void }) => {
  useInput((input, key) => {
    if (input === "1") onPick("resume")
    else if (input === "2") onPick("summary")
    else if (input === "q" || key.escape) onPick("quit")
  })
  return (
    <Box flexDirection="column">
      <Text bold>claude-session-logger</Text>
      <Text>1) Resume a session  2) Summary  q) Quit</Text>
    </Box>
  )
}

const LoadingSessions = ({ onBack }: { readonly onBack: () => void }) => {
  useInput((input, key) => (input === "q" || key.escape) && onBack())
  return <Text>Loading sessions…</Text>
}

/** The whole browser; it ends by calling `onDone` with what the user chose. */
export const BrowserApp = ({ actions, colour = true, onDone }: {
  readonly actions: BrowserActions
  /** False under NO_COLOR: the chart tells model families apart by shading instead. */
  readonly colour?: boolean
  readonly onDone: (outcome: BrowserOutcome) => void
}) => {
  const [screen, setScreen] = useState<Screen>({ name: "menu" })
  // The menu needs no sessions: it shows at once while they load.
  const [sessions, setSessions] = useState<ReadonlyArray<BrowserSession> | undefined>(undefined)
  useEffect(() => {
    let current = true
    actions.loadSessions().then((loaded) => current && setSessions(loaded), () => current && setSessions([]))
    return () => {
      current = false
    }
  }, [actions])
  const { exit } = useApp()
  const { stdout } = useStdout()
  const height = stdout.rows ?? 24
  const width = stdout.columns ?? 100
  const finish = (outcome: BrowserOutcome) => {
    onDone(outcome)
    exit()
  }
  const menu = () => setScreen({ name: "menu" })

  if (screen.name === "menu") {
    return (
      <Menu
        onPick={(choice) => (choice === "quit" ? finish({ kind: "quit" }) : setScreen(choice === "resume" ? { name: "resume" } : { name: "summary" }))}
      />
    )
  }
  if (screen.name === "summary") return <SummaryScreen actions={actions} width={width} height={height} colour={colour} onBack={menu} />
  if (sessions === undefined) {
    return <LoadingSessions onBack={menu} />
  }
  // The resume screen stays mounted under the viewer, so the search and selection survive a look.
  return (
    <Box flexDirection="column">
      <ResumeScreen
        sessions={sessions}
        actions={actions}
        height={height}
        width={width}
        active={screen.name === "resume"}
        onResume={(session) => finish({ kind: "resume", session })}
        onOpen={(chosen) => setScreen({ name: "viewer", sessions: chosen })}
        onBack={menu}
      />
      {screen.name === "viewer"
        ? <ViewerScreen sessions={screen.sessions} actions={actions} height={height} width={width} onBack={() => setScreen({ name: "resume" })} />
        : null}
    </Box>
  )
}
