/** A word the shell reads back as itself: left bare when it is plain, else single-quoted. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)

/** The command line that resumes a session where it ran, as the `cs` script prints it. */
export const resumeCommand = (session: { readonly cwd: string; readonly session_id: string }): string =>
  `cd ${shellWord(session.cwd)} && claude --resume ${shellWord(session.session_id)}`

/** Each session followed by the command that resumes it, for `--json --resume-command`. */
export const withResumeCommand = <S extends { readonly cwd: string; readonly session_id: string }>(sessions: ReadonlyArray<S>) =>
  sessions.map((session) => ({ ...session, resume_command: resumeCommand(session) }))

/** One line per session: its short id and the command that resumes it. */
export const resumeLines = (sessions: ReadonlyArray<{ readonly cwd: string; readonly session_id: string }>): ReadonlyArray<string> =>
  sessions.map((session) => `${session.session_id.slice(0, 8)}  ${resumeCommand(session)}`)
