import { Box, type Key, Text, useApp, useInput, useStdout } from "ink"
import { useEffect, useReducer, useRef } from "react"
import wrapAnsi from "wrap-ansi"
import { truncateToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { HiveActions } from "./hive-actions.js"
import { type HiveAppState, hiveFooter, type HiveScreen, initialHiveState, onHiveKey, onHiveReply, pendingLabel } from "./hive-app-model.js"
import { PublishView } from "./hive-publish-screen.js"
import { runHiveRequest } from "./hive-requests.js"
import { SubscribeView } from "./hive-subscribe-screen.js"
import type { HiveKey, HiveReply, Notice } from "./hive-transition.js"

type Happening = { readonly kind: "key"; readonly key: HiveKey } | { readonly kind: "reply"; readonly id: number; readonly reply: HiveReply }

const next = (state: HiveAppState, happening: Happening) =>
  happening.kind === "key" ? onHiveKey(state, happening.key) : onHiveReply(state, happening.id, happening.reply)

const hiveKey = (input: string, key: Key): HiveKey => {
  if (key.upArrow) return { input, name: "up" }
  if (key.downArrow) return { input, name: "down" }
  if (key.return) return { input, name: "enter" }
  if (key.escape) return { input, name: "escape" }
  if (key.backspace || key.delete) return { input, name: "backspace" }
  return { input: key.ctrl || key.meta ? "" : input }
}

const titleOf: Record<HiveScreen["view"], string> = { menu: "", publish: " · Publish", subscribe: " · Subscribe", refresh: " · Refresh" }
const toneColour: Record<Notice["tone"], string> = { error: "red", warning: "yellow", info: "cyan" }

const Menu = () => (
  <Box flexDirection="column">
    <Text>1) Publish    choose memory files to share; get the URL to give teammates</Text>
    <Text>2) Subscribe  paste a teammate's URL; choose which of their projects to take</Text>
    <Text>3) Refresh    fetch every subscription anew (SessionStart does it too)</Text>
  </Box>
)

const Lines = ({ lines, listHeight }: { readonly lines: ReadonlyArray<string> | undefined; readonly listHeight: number }) => (
  <Box flexDirection="column">
    {(lines ?? []).slice(0, Math.max(1, listHeight)).map((line, index) => <Text key={index} wrap="truncate-end">{printableLine(line)}</Text>)}
  </Box>
)

/** Lines the app takes besides a view's list: title, blank, up to two for a notice, footer, and one spare. */
const chromeLines = 6

/** A notice in at most two lines, broken between words: an error's reason comes last, so it is wrapped rather than cut at the edge. */
const noticeRows = (text: string, width: number): ReadonlyArray<string> => {
  const [first = "", ...rest] = wrapAnsi(printableLine(text), Math.max(10, width), { hard: true }).split("\n")
  return rest.length === 0 ? [first] : [first, truncateToWidth(rest.join(" "), Math.max(10, width))]
}

/** The claude-hive app: Publish, Subscribe and Refresh, until the user leaves. */
export const HiveApp = ({ actions }: { readonly actions: HiveActions }) => {
  const [state, dispatch] = useReducer(next, initialHiveState)
  const { exit } = useApp()
  const { stdout } = useStdout()
  const height = stdout.rows ?? 24
  const width = stdout.columns ?? 80
  const listHeight = Math.max(3, height - chromeLines)
  // The hive is asked one thing at a time, in order; a reply the model no longer waits for is dropped there.
  const queue = useRef<Promise<void>>(Promise.resolve())
  const pending = state.pending
  useEffect(() => {
    if (pending === undefined) return
    queue.current = queue.current.then(() => runHiveRequest(actions, pending.request)).then((reply) => dispatch({ kind: "reply", id: pending.id, reply }))
  }, [pending, actions])
  useEffect(() => {
    if (state.done) exit()
  }, [state.done, exit])
  useInput((input, key) => dispatch({ kind: "key", key: hiveKey(input, key) }))

  const { screen, notice } = state
  return (
    <Box flexDirection="column">
      <Text bold>claude-hive{titleOf[screen.view]}</Text>
      <Text> </Text>
      {screen.view === "menu" ? <Menu /> : null}
      {screen.view === "publish" ? <PublishView screen={screen} width={width} listHeight={listHeight} /> : null}
      {screen.view === "subscribe" ? <SubscribeView screen={screen} listHeight={listHeight} /> : null}
      {screen.view === "refresh" ? <Lines lines={screen.lines} listHeight={listHeight} /> : null}
      {notice !== undefined
        ? noticeRows(notice.text, width).map((row, index) => <Text key={index} color={toneColour[notice.tone]}>{row}</Text>)
        : pending !== undefined
        ? <Text color="cyan" wrap="truncate-end">{printableLine(pendingLabel(pending.request))}</Text>
        : <Text> </Text>}
      <Text dimColor wrap="truncate-end">{hiveFooter(screen)}</Text>
    </Box>
  )
}
