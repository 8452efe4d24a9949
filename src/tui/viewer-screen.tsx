import { Box, Text, useInput } from "ink"
import { useEffect, useMemo, useState } from "react"
import { wrapToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { ActivityEntry, BrowserActions, BrowserSession, ConversationTurn } from "./browser-model.js"

const speaker: Record<ConversationTurn["role"], string> = { user: "You", assistant: "Claude", tool: "" }

/** Turns → printable display lines, wrapped to the terminal's columns (a CJK character takes two). */
const displayLines = (turns: ReadonlyArray<ConversationTurn>, width: number) =>
  turns.flatMap((turn) => {
    const prefix = turn.role === "tool" ? "  " : `${speaker[turn.role]}: `
    const wrapped = turn.text.split("\n").flatMap((line) => wrapToWidth(printableLine(line), Math.max(10, width - 8)))
    return [
      ...wrapped.map((text, index) => ({ role: turn.role, text: `${index === 0 ? prefix : " ".repeat(prefix.length)}${text}` })),
      { role: turn.role, text: "" },
    ]
  })

type Shade = "user" | "plain" | "dim" | "failed" | "risky"
interface DisplayLine {
  readonly shade: Shade
  readonly text: string
}

const conversationLines = (turns: ReadonlyArray<ConversationTurn>, width: number): ReadonlyArray<DisplayLine> =>
  displayLines(turns, width).map((line) => ({ shade: line.role === "user" ? "user" : line.role === "tool" ? "dim" : "plain", text: line.text }))

/** One line per tool call: time, tool, target cut to the width, ✗ when it failed, ⚠ and why when risky. */
const activityLines = (calls: ReadonlyArray<ActivityEntry>, width: number): ReadonlyArray<DisplayLine> =>
  calls.length === 0
    ? [{ shade: "dim", text: "No tool calls recorded for this session on this machine." }]
    : calls.map((call) => {
      const head = `${call.called_at?.slice(11, 16) ?? "--:--"}  ${call.tool}${call.errored ? " ✗" : ""}  `
      const tail = call.risk === null ? "" : `  ⚠ ${call.risk}`
      const target = printableLine((call.target ?? "").replace(/\s+/g, " "))
      const [cut = ""] = wrapToWidth(target, Math.max(10, width - head.length - tail.length - 2))
      return { shade: call.risk !== null ? "risky" : call.errored ? "failed" : "plain", text: `${head}${cut}${cut === target ? "" : "…"}${tail}` }
    })

const colourOf: Record<Shade, string> = { user: "green", plain: "white", dim: "white", failed: "red", risky: "yellow" }

/** A read-only, paged view of the selected transcripts, one after another. */
export const ViewerScreen = ({ sessions, actions, height, width, onBack }: {
  readonly sessions: ReadonlyArray<BrowserSession>
  readonly actions: Pick<BrowserActions, "loadConversation" | "loadActivity">
  readonly height: number
  readonly width: number
  readonly onBack: () => void
}) => {
  const [which, setWhich] = useState(0)
  const [page, setPage] = useState(0)
  const [view, setView] = useState<"conversation" | "activity">("conversation")
  const [activity, setActivity] = useState<ReadonlyArray<ActivityEntry> | undefined>(undefined)
  const session = sessions[which]
  useEffect(() => {
    if (view !== "activity" || session === undefined) return
    let current = true
    setActivity(undefined)
    actions.loadActivity(session.session_id).then((calls) => current && setActivity(calls), () => current && setActivity([]))
    return () => {
      current = false
    }
  }, [view, session, actions])
  const lines = useMemo(
    () =>
      view === "activity"
        ? activity === undefined ? [{ shade: "dim" as const, text: "Loading…" }] : activityLines(activity, width)
        : session?.transcript_path
        ? conversationLines(actions.loadConversation(session.transcript_path), width)
        : [],
    [view, activity, session, actions, width],
  )
  const pageSize = Math.max(3, height - 4)
  const pages = Math.max(1, Math.ceil(lines.length / pageSize))

  useInput((input, key) => {
    if (input === "q" || key.escape) return onBack()
    if (key.pageDown || input === " " || input === "j" || key.downArrow) return setPage(Math.min(pages - 1, page + 1))
    if (key.pageUp || input === "k" || key.upArrow) return setPage(Math.max(0, page - 1))
    if (input === "n" && which < sessions.length - 1) return (setWhich(which + 1), setPage(0))
    if (input === "p" && which > 0) return (setWhich(which - 1), setPage(0))
    if (input === "a") return (setView(view === "activity" ? "conversation" : "activity"), setPage(0))
  })

  return (
    <Box flexDirection="column">
      <Text bold>
        {printableLine(session?.title ?? "(untitled)")} <Text dimColor>— {view === "activity" ? "activity · " : ""}{which + 1}/{sessions.length} · page {page + 1}/{pages}</Text>
      </Text>
      {lines.slice(page * pageSize, (page + 1) * pageSize).map((line, index) => (
        <Text key={index} color={colourOf[line.shade]} dimColor={line.shade === "dim"}>
          {line.text}
        </Text>
      ))}
      <Text dimColor>Space/↓ next page · ↑ previous · n/p next/previous session · a {view === "activity" ? "conversation" : "activity"} · q back</Text>
    </Box>
  )
}
