import { fileChangingTools } from "../transcript/tool-calls.js"
import type { ActivityCall } from "./activity-queries.js"

/** A call with the reason it is risky, if it is. */
export type CheckedCall = ActivityCall & { readonly risk: string | null }

export interface ActivitySummary {
  readonly calls: number
  readonly sessions: number
  readonly per_tool: ReadonlyArray<{ readonly tool: string; readonly calls: number; readonly errors: number }>
  readonly most_edited_files: ReadonlyArray<{ readonly file: string; readonly edits: number }>
  readonly most_read_files: ReadonlyArray<{ readonly file: string; readonly reads: number }>
  /** The same file read more than once in one session: context Claude lost and read again. */
  readonly read_repeatedly: ReadonlyArray<{ readonly file: string; readonly session_id: string; readonly reads: number }>
  readonly commands: ReadonlyArray<{ readonly command: string; readonly runs: number; readonly errors: number }>
  readonly urls: ReadonlyArray<{ readonly url: string; readonly calls: number }>
  readonly risky: ReadonlyArray<CheckedCall>
}

/** How many rows each ranked list keeps. */
export const topRows = 15

const webTools = ["WebFetch", "WebSearch"]

/** Counts per key, most first (ties by key), keeping the errors too. */
const ranked = (calls: ReadonlyArray<CheckedCall>, keyOf: (call: CheckedCall) => string | null) => {
  const counts = new Map<string, { count: number; errors: number }>()
  for (const call of calls) {
    const key = keyOf(call)
    if (key === null) continue
    const count = counts.get(key) ?? { count: 0, errors: 0 }
    counts.set(key, { count: count.count + 1, errors: count.errors + (call.errored ? 1 : 0) })
  }
  return [...counts].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
}

const targetOf = (tools: ReadonlyArray<string>) => (call: CheckedCall) => (tools.includes(call.tool) ? call.target : null)

export const summarize = (calls: ReadonlyArray<CheckedCall>): ActivitySummary => ({
  calls: calls.length,
  sessions: new Set(calls.map((call) => call.session_id)).size,
  per_tool: ranked(calls, (call) => call.tool).map(([tool, { count, errors }]) => ({ tool, calls: count, errors })),
  most_edited_files: ranked(calls, targetOf(fileChangingTools)).slice(0, topRows).map(([file, { count }]) => ({ file, edits: count })),
  most_read_files: ranked(calls, targetOf(["Read"])).slice(0, topRows).map(([file, { count }]) => ({ file, reads: count })),
  read_repeatedly: ranked(calls, (call) => (call.tool === "Read" && call.target !== null ? `${call.session_id}\0${call.target}` : null))
    .filter(([, { count }]) => count > 1)
    .slice(0, topRows)
    .map(([key, { count }]) => {
      const [session_id = "", file = ""] = key.split("\0")
      return { file, session_id, reads: count }
    }),
  commands: ranked(calls, targetOf(["Bash"])).slice(0, topRows).map(([command, { count, errors }]) => ({ command, runs: count, errors })),
  urls: ranked(calls, targetOf(webTools)).slice(0, topRows).map(([url, { count }]) => ({ url, calls: count })),
  risky: calls.filter((call) => call.risk !== null),
})
