import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { hasImportLine, withImportLine, withoutImportLine } from "../config/claude-md-imports.js"

/**
 * What tells Claude that "log an issue: …" means running our `log` command: a document setup
 * owns (`~/.claude/claude-session-logger.md`, rewritten on every run) and one import line for
 * it in the user's `~/.claude/CLAUDE.md`, which is otherwise never changed.
 */
export const instructionsFileName = "claude-session-logger.md"
export const importLine = `@${instructionsFileName}`

/** Kept in our document, so uninstall knows to delete a CLAUDE.md that only setup ever wrote. */
const createdMarker = "<!-- setup created CLAUDE.md -->"

/** The document; `cli` is the shell command that runs the CLI, as the hooks spell it. */
export const claudeInstructions = (cli: string, createdClaudeMd: boolean): string => {
  const run = (args: string) => `\`${cli} ${args}\``
  return `# claude-session-logger: notes, inbox and past sessions

<!-- Written by \`claude-session-logger setup\` and rewritten on every run; \`setup --uninstall\` removes it. -->
${createdClaudeMd ? `${createdMarker}\n` : ""}
The user keeps notes (issues, findings, tasks, decisions, notes) and the history of their Claude Code
sessions with claude-session-logger. When they ask for one of the things below, run the command shown
in a shell, with their words in place of the <…> parts, and tell them what it printed. Always go
through this CLI; never write SQL against its DuckDB file by hand.

| The user says | Run |
|---|---|
| "log an issue: <title>" (also "… — <details>") | ${run(`log --category issue --title "<title>" --body "<details>"`)} (starts open) |
| "log a finding: <title>" | ${run(`log --category finding --title "<title>"`)} (starts open) |
| "log a task: <title>" | ${run(`log --category task --title "<title>"`)} (starts open) |
| "log a decision: <title>" | ${run(`log --category decision --title "<title>"`)} (starts info) |
| "log a note: <title>" | ${run(`log --category note --title "<title>"`)} (starts info) |
| "… with status blocked" while logging | add \`--status blocked\` (open, in_progress, blocked, resolved, info) |
| "resolve the <words> issue [because <why>]" | ${run(`resolve --title-match "<words>" --note "<why>"`)} |
| "resolve <id> [because <why>]" | ${run(`resolve --id <id> --note "<why>"`)} |
| "set <id> to blocked / in progress / open" | ${run(`resolve --id <id> --status <status>`)} (in_progress, blocked, open, …) |
| "list my open issues / tasks" | ${run(`list --open`)} (add \`--category issue\` or \`--category task\`) |
| "show <id>" / "show the <words> entry" | ${run(`show <id>`)} or ${run(`show --title-match "<words>"`)} |
| "check my inbox" / "what changed" | ${run(`inbox`)} |
| "find the session where we <words>" | ${run(`search "<words>"`)}, then ${run(`show-session <session id>`)} |
| "what do I remember about <words>" | ${run(`memory search "<words>"`)} (this project's memory files; add \`--all-projects\` for every project) |
| "show my memory file <name>" | ${run(`memory get "<name>"`)} |

\`log\` prints the new entry's id; keep it to resolve the entry later. Ids may be shortened to the
8 characters \`list\` shows. Leave out \`--note\` or \`--body\` when the user gave none. If a title
match is ambiguous, the command lists the candidates: ask the user which one, then use \`--id\`.
`
}

const writeAtomically = (path: string, text: string) => {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined)


/**
 * Writes our document and puts the import line first in CLAUDE.md (creating it when missing).
 * Returns what changed, for setup's report.
 */
export const installClaudeInstructions = (claudeDir: string, cli: string): ReadonlyArray<string> => {
  mkdirSync(claudeDir, { recursive: true })
  const changes: Array<string> = []
  const claudeMd = join(claudeDir, "CLAUDE.md")
  const document = join(claudeDir, instructionsFileName)
  const existing = read(claudeMd)
  const created = existing === undefined || read(document)?.includes(createdMarker) === true
  const text = claudeInstructions(cli, created)
  if (read(document) !== text) {
    writeAtomically(document, text)
    changes.push(`wrote ${document}, which tells Claude which command to run for "log an issue: …" and the like`)
  }
  if (existing === undefined || !hasImportLine(existing, importLine)) {
    writeAtomically(claudeMd, withImportLine(existing, importLine, "first"))
    changes.push(existing === undefined ? `created ${claudeMd} with the line ${importLine}` : `added the line ${importLine} to ${claudeMd}`)
  }
  return changes
}

/** Removes our document and our line; a CLAUDE.md setup created (and nobody changed) goes too. */
export const removeClaudeInstructions = (claudeDir: string): ReadonlyArray<string> => {
  const changes: Array<string> = []
  const claudeMd = join(claudeDir, "CLAUDE.md")
  const document = join(claudeDir, instructionsFileName)
  const created = read(document)?.includes(createdMarker) === true
  const text = read(claudeMd)
  if (text !== undefined && hasImportLine(text, importLine)) {
    const rest = withoutImportLine(text, importLine)
    if (created && rest === "") rmSync(claudeMd)
    else writeAtomically(claudeMd, rest)
    changes.push(`removed the line ${importLine} from ${claudeMd}`)
  }
  if (existsSync(document)) {
    rmSync(document)
    changes.push(`removed ${document}`)
  }
  return changes
}
