import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { sessionsInProjectDir } from "../../src/transcript/session-files.js"

const line = (sessionId: string) => `${JSON.stringify({ type: "user", sessionId, message: { role: "user", content: "hi" } })}\n`

describe("sessionsInProjectDir", () => {
  it("lists regular transcripts and linked ones, never a FIFO, with the subagent files of each session's own folder", () => {
    const root = mkdtempSync(join(tmpdir(), "csl-session-files-"))
    const project = join(root, "project")
    const elsewhere = join(root, "elsewhere")
    mkdirSync(project)
    mkdirSync(join(elsewhere, "subagents"), { recursive: true })
    writeFileSync(join(project, "plain.jsonl"), line("plain"))
    mkdirSync(join(project, "plain", "subagents"), { recursive: true })
    writeFileSync(join(project, "plain", "subagents", "agent-b.jsonl"), line("plain"))
    writeFileSync(join(project, "plain", "subagents", "agent-a.jsonl"), line("plain"))
    writeFileSync(join(project, "plain", "subagents", "notes.txt"), "not a transcript")
    // A transcript and a session folder that are symbolic links: followed, as opening them would.
    writeFileSync(join(elsewhere, "target.jsonl"), line("linked"))
    symlinkSync(join(elsewhere, "target.jsonl"), join(project, "linked.jsonl"))
    symlinkSync(elsewhere, join(project, "linked"))
    writeFileSync(join(elsewhere, "subagents", "agent-c.jsonl"), line("linked"))
    execFileSync("mkfifo", [join(project, "fifo.jsonl")])
    // A folder named like a transcript is no transcript.
    mkdirSync(join(project, "folder.jsonl"))
    // A legacy flat agent file names its parent on its first lines.
    writeFileSync(join(project, "agent-legacy.jsonl"), line("plain"))

    const sessions = [...sessionsInProjectDir(project)].sort((a, b) => a.sessionId.localeCompare(b.sessionId))
    expect(sessions).toEqual([
      { sessionId: "linked", main: join(project, "linked.jsonl"), subagents: [join(project, "linked", "subagents", "agent-c.jsonl")] },
      {
        sessionId: "plain",
        main: join(project, "plain.jsonl"),
        subagents: [
          join(project, "plain", "subagents", "agent-a.jsonl"),
          join(project, "plain", "subagents", "agent-b.jsonl"),
          join(project, "agent-legacy.jsonl"),
        ],
      },
    ])
  })
})
