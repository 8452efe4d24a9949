import { Box, Text, useInput } from "ink"
import { useEffect, useMemo, useState } from "react"
import { humanCount, humanUsd } from "../snapshot/banner-text.js"
import { fitToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { BrowserActions, BrowserSession } from "./browser-model.js"
import { applyTyping, filterSessions, stubsLast } from "./session-filter.js"

/** Everything on a row but the title, in columns (marks, date, project, numbers, who). */
const columnsBesideTitle = 3 + 16 + 1 + 14 + 1 + 1 + 5 + 1 + 7 + 1 + 8 + 1 + 9

/** The title takes what the terminal leaves, between 20 and 60 columns. */
const titleWidthFor = (terminalWidth: number) => Math.min(60, Math.max(20, terminalWidth - columnsBesideTitle))

/** One session in fixed columns, measured in terminal columns so a wide title shifts nothing. */
const row = (session: BrowserSession, titleWidth: number) =>
  [
    (session.ended_at ?? "").slice(0, 16).replace("T", " ").padEnd(16),
    fitToWidth(printableLine(session.project), 14),
    fitToWidth(printableLine(session.title ?? "(untitled)"), titleWidth),
    `${Math.round(session.duration_min)}m`.padStart(5),
    humanCount(session.total_tokens).padStart(7),
    humanUsd(session.cost_usd).padStart(8),
    ` ${printableLine(session.created_by)}`,
  ].join(" ")

/** The snippet with the term in inverse video. */
const Highlighted = ({ text, term }: { readonly text: string; readonly term: string }) => {
  const at = text.toLowerCase().indexOf(term.toLowerCase())
  if (at === -1 || term === "") return <Text dimColor>{text}</Text>
  return (
    <Text dimColor>
      {text.slice(0, at)}
      <Text inverse>{text.slice(at, at + term.length)}</Text>
      {text.slice(at + term.length)}
    </Text>
  )
}

export const ResumeScreen = ({ sessions, actions, height, width, active, onResume, onOpen, onBack }: {
  readonly sessions: ReadonlyArray<BrowserSession>
  /** False while the viewer is open on top: the screen keeps its state but takes no keys. */
  readonly active: boolean
  readonly actions: Pick<BrowserActions, "searchContent">
  readonly height: number
  readonly width: number
  readonly onResume: (session: BrowserSession) => void
  readonly onOpen: (sessions: ReadonlyArray<BrowserSession>) => void
  readonly onBack: () => void
}) => {
  const [query, setQuery] = useState("")
  const [typing, setTyping] = useState(true)
  const [cursor, setCursor] = useState(0)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  // On from the start, as in the Python version; Ctrl+F narrows to titles, projects and dates.
  const [content, setContent] = useState(true)
  const [contentHits, setContentHits] = useState<ReadonlyMap<string, string>>(new Map())
  const [searching, setSearching] = useState(false)
  const [notice, setNotice] = useState("")

  // Content search runs in the background while the list keeps answering keys.
  useEffect(() => {
    if (!content || query.trim().length < 3) {
      setContentHits(new Map())
      return
    }
    let current = true
    setSearching(true)
    const timer = setTimeout(() => {
      actions.searchContent(query.trim()).then(
        (hits) => current && (setContentHits(hits), setSearching(false)),
        () => current && setSearching(false),
      )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [content, query, actions])

  const shown = useMemo(() => {
    const byMetadata = stubsLast(filterSessions(sessions, query))
    if (!content || contentHits.size === 0) return byMetadata
    const listed = new Set(byMetadata.map((session) => session.session_id))
    return [...byMetadata, ...sessions.filter((session) => contentHits.has(session.session_id) && !listed.has(session.session_id))]
  }, [sessions, query, content, contentHits])
  const at = Math.min(cursor, Math.max(0, shown.length - 1))
  const highlighted = shown[at]
  // A session with a content match takes two lines (its row and the matching line): fit the screen.
  const linesPerSession = content && contentHits.size > 0 ? 2 : 1
  const visible = Math.max(3, Math.floor((height - 6) / linesPerSession))
  const first = Math.max(0, Math.min(at - Math.floor(visible / 2), shown.length - visible))

  const resume = () => {
    if (highlighted === undefined) return
    if (!highlighted.transcript_here) setNotice("⚠ transcript gone: this session cannot be resumed here")
    else onResume(highlighted)
  }

  useInput((input, key) => {
    setNotice("")
    if (key.ctrl && input === "f") return setContent((on) => !on)
    if (key.upArrow || (!typing && input === "k")) return setCursor(Math.max(0, at - 1))
    if (key.downArrow || (!typing && input === "j")) return setCursor(Math.min(shown.length - 1, at + 1))
    if (key.return) return resume()
    if (typing) {
      if (key.escape || key.tab) return setTyping(false)
      if (key.backspace || key.delete) return setQuery((text) => text.slice(0, -1))
      if (input !== "" && !key.ctrl && !key.meta) {
        setQuery((text) => applyTyping(text, input))
        setCursor(0)
      }
      return
    }
    if (input === "/") return setTyping(true)
    if (input === "q" || key.escape) return onBack()
    if (input === "r") return resume()
    if (input === " " && highlighted !== undefined) {
      const next = new Set(selected)
      if (next.has(highlighted.session_id)) next.delete(highlighted.session_id)
      else next.add(highlighted.session_id)
      return setSelected(next)
    }
    if (input === "o") {
      const chosen = sessions.filter((session) => selected.has(session.session_id))
      const toOpen = (chosen.length > 0 ? chosen : highlighted === undefined ? [] : [highlighted]).filter((session) => session.transcript_here)
      if (toOpen.length === 0) return setNotice("⚠ transcript gone: nothing to open")
      onOpen(toOpen)
    }
  }, { isActive: active })

  return (
    <Box flexDirection="column" display={active ? "flex" : "none"}>
      <Text>
        <Text bold>Resume a session</Text> — {shown.length} of {sessions.length}
        {content ? <Text color="cyan"> · content search{searching ? " …" : ""}</Text> : null}
      </Text>
      <Text>
        {typing ? <Text color="green">search: </Text> : <Text dimColor>search: </Text>}
        {query}
        {typing ? <Text inverse> </Text> : null}
      </Text>
      {shown.slice(first, first + visible).map((session, index) => {
        const isCursor = first + index === at
        const snippet = contentHits.get(session.session_id)
        return (
          <Box key={session.session_id} flexDirection="column">
            <Text inverse={isCursor} wrap="truncate-end">
              {isCursor ? "›" : " "}
              {selected.has(session.session_id) ? "● " : "  "}
              {row(session, titleWidthFor(width))}
              {session.transcript_here ? "" : "  ⚠ transcript gone"}
            </Text>
            {snippet === undefined ? null : <Text wrap="truncate-end">{"    "}<Highlighted text={printableLine(snippet)} term={query.trim()} /></Text>}
          </Box>
        )
      })}
      {notice === "" ? null : <Text color="yellow">{notice}</Text>}
      <Text dimColor>
        {typing
          ? `type to search · ↑↓ move · Enter resume · Ctrl+F ${content ? "metadata only" : "content search"} · Esc commands"`
          : "Space select · o open · Enter/r resume · / search · Ctrl+F content · q back"}
      </Text>
    </Box>
  )
}
