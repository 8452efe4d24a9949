import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { forEachLine } from "./line-reader.js"
import { type ParsedSession, SessionAccumulator } from "./session-accumulator.js"
import type { SessionFiles } from "./session-files.js"

/** Streams a session's main transcript and its subagent files through every counting rule. */
export const parseSession = (files: SessionFiles): ParsedSession => {
  const projectDir = dirname(files.main)
  // Asked for every copied line: each origin's file is looked up once.
  const originExists = new Map<string, boolean>()
  const accumulator = new SessionAccumulator(files.sessionId, (origin) => {
    const exists = originExists.get(origin) ?? existsSync(join(projectDir, `${origin}.jsonl`))
    originExists.set(origin, exists)
    return exists
  })
  forEachLine(files.main, (line) => accumulator.addLine(line, true))
  for (const subagent of files.subagents) {
    try {
      forEachLine(subagent, (line) => accumulator.addLine(line, false))
    } catch {
      // A subagent file that vanished or cannot be read adds nothing; the session still records.
    }
  }
  return accumulator.result()
}
