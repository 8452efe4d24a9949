import { Box, Text, useInput } from "ink"
import { useMemo, useState } from "react"
import { wrapToWidth } from "../terminal/display-width.js"
import { printableLine } from "../terminal/printable-text.js"
import type { BrowserActions, BrowserSession, ConversationTurn } from "./browser-model.js"

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

/** A read-only, paged view of the selected transcripts, one after another. */
export const ViewerScreen = ({ sessions, actions, height, width, onBack }: {
  readonly sessions: ReadonlyArray<BrowserSession>
  readonly actions: Pick<BrowserActions, "loadConversation">
  readonly height: number
  readonly width: number
  readonly onBack: () => void
}) => {
  const [which, setWhich] = useState(0)
  const [page, setPage] = useState(0)
  const session = sessions[which]
  const lines = useMemo(
    () => (session?.transcript_path ? displayLines(actions.loadConversation(session.transcript_path), width) : []),
    [session, actions, width],
  )
  const pageSize = Math.max(3, height - 4)
  const pages = Math.max(1, Math.ceil(lines.length / pageSize))

  useInput((input, key) => {
    if (input === "q" || key.escape) return onBack()
    if (key.pageDown || input === " " || input === "j" || key.downArrow) return setPage(Math.min(pages - 1, page + 1))
    if (key.pageUp || input === "k" || key.upArrow) return setPage(Math.max(0, page - 1))
    if (input === "n" && which < sessions.length - 1) return (setWhich(which + 1), setPage(0))
    if (input === "p" && which > 0) return (setWhich(which - 1), setPage(0))
  })

  return (
    <Box flexDirection="column">
      <Text bold>
        {printableLine(session?.title ?? "(untitled)")} <Text dimColor>— {which + 1}/{sessions.length} · page {page + 1}/{pages}</Text>
      </Text>
      {lines.slice(page * pageSize, (page + 1) * pageSize).map((line, index) => (
        <Text key={index} color={line.role === "user" ? "green" : "white"} dimColor={line.role === "tool"}>
          {line.text}
        </Text>
      ))}
      <Text dimColor>Space/↓ next page · ↑ previous · n/p next/previous session · q back</Text>
    </Box>
  )
}
