import { existsSync } from "node:fs"
import { join } from "node:path"
import { claudeDataDirs, dataDirIsAFile, dataPathsIn, type DataPaths, resolveDataDir } from "../config/data-paths.js"
import { startDetached } from "../config/detached-command.js"
import { ensureDeviceId } from "../config/device-id.js"
import { resolveActor } from "../config/identity.js"
import { projectName } from "../config/project-identity.js"
import type { EntryView } from "../entries/entry-queries.js"
import { trimmedOrNull } from "../entries/entry-rules.js"
import { CausalIdGenerator } from "../events/causal-id-generator.js"
import { defaultStatus, isCategory, isStatus, type StatusWord } from "../events/entry-words.js"
import { eventVersions } from "../events/event-versions.js"
import { shortId } from "../events/short-id.js"
import { type SpooledEnvelope, writeSpoolFiles } from "../events/spool-files.js"
import type { LogEntryRow } from "../projections/log-entry-rows.js"
import { type CurrentEntries, currentEntries } from "../snapshot/current-entries.js"
import { printableLine } from "../terminal/printable-text.js"
import { currentSessionId } from "../transcript/current-session.js"
import { entriesTable, entryDetail } from "./entry-text.js"
import { countOf, fastCommands, isLightEntryCommand, type LightEntryCommand } from "./fast-commands.js"
import { matchingEntries } from "./light-entry-matching.js"

/**
 * The note commands Claude runs mid-conversation (`list`, `show`, `log`, `resolve`), answered
 * without Effect or DuckDB: reads from the entries read model and the spool (current-entries.ts),
 * writes to the spool durably, then a detached `store-queued` stores the events. Each answer prints
 * exactly what the full CLI would; anything it cannot answer so (an error, an ambiguous match, an
 * option given twice, a store it cannot read for sure) is left to the full CLI, before anything
 * is written. The launcher skips this path when `CLAUDE_LOGGER_FULL_CLI` is set.
 */

interface Context {
  readonly env: NodeJS.ProcessEnv
  readonly paths: DataPaths
  readonly entries: CurrentEntries
  readonly cliPath: string
}

type Token = { readonly kind: "option"; readonly name: string } | { readonly kind: "positional" | "option-terminator" }

/** Parsed, unless it holds what parseArgs accepts but @effect/cli may read otherwise: an option twice, or `--`. */
const plainly = <P extends { readonly tokens: ReadonlyArray<Token> }>(parsed: P | undefined): P | undefined => {
  const names = parsed?.tokens.flatMap((token) => (token.kind === "option" ? [token.name] : [])) ?? []
  const plain = new Set(names).size === names.length && parsed?.tokens.every((token) => token.kind !== "option-terminator")
  return plain === true ? parsed : undefined
}

/** An entry as commands show it and `--json` prints it: EntryView's fields (the type makes sure), in its order (the tests do). */
const viewOf = (row: LogEntryRow): EntryView => ({
  id: row.id,
  short_id: shortId(row.id),
  category: row.category,
  status: row.status,
  title: row.title,
  body: row.body,
  session_id: row.session_id,
  project: row.project,
  logged_at: row.logged_at,
  updated_at: row.updated_at,
  created_by: row.created_by,
  updated_by: row.updated_by,
})

const json = (value: unknown) => JSON.stringify(value, null, 2)

const newestChangeFirst = (rows: ReadonlyArray<LogEntryRow>) =>
  [...rows].sort((a, b) => (a.last_event_id < b.last_event_id ? 1 : a.last_event_id > b.last_event_id ? -1 : 0))

const listOutput = (args: ReadonlyArray<string>, { entries }: Context): string | undefined => {
  const values = plainly(fastCommands.list.parse(args))?.values
  if (values === undefined) return undefined
  const { category, status, project } = values
  const allProjects = values["all-projects"] === true
  const limit = countOf(values.limit, 50)
  if ((allProjects && project !== undefined) || limit === undefined || limit === 0) return undefined
  if ((category !== undefined && !isCategory(category)) || (status !== undefined && !isStatus(status))) return undefined
  const current = allProjects || project !== undefined ? undefined : projectName(process.cwd())
  const shown = newestChangeFirst([...entries.rows.values()].filter((row) =>
    (current === undefined || row.project === current || row.project === null) &&
    (project === undefined || row.project === project) &&
    (category === undefined || row.category === category) &&
    (status === undefined || row.status === status) &&
    (values.open !== true || row.status !== "resolved")
  )).slice(0, limit).map(viewOf)
  if (values.json === true) return json(shown)
  return shown.length === 0 ? "No entries." : entriesTable(shown, { withProject: allProjects })
}

/** The one entry a selector names, or undefined (none, several, or unsure): the full CLI then explains. */
const soleMatch = (entries: CurrentEntries, selector: Parameters<typeof matchingEntries>[1]): LogEntryRow | undefined => {
  const matches = matchingEntries(entries.rows, selector)
  return matches?.length === 1 ? matches[0] : undefined
}

const showOutput = (args: ReadonlyArray<string>, { entries }: Context): string | undefined => {
  const parsed = plainly(fastCommands.show.parse(args))
  if (parsed === undefined || parsed.positionals.length > 1) return undefined
  const { values, positionals } = parsed
  const entry = soleMatch(entries, { id: positionals[0], titleMatch: values["title-match"] })
  if (entry === undefined) return undefined
  return values.json === true ? json(viewOf(entry)) : entryDetail(viewOf(entry))
}

/** Stamps the payload as the store would (a causal id after everything seen), queues it durably, and starts a detached store. */
const queueEvent = (context: Context, type: "EntryLogged" | "EntryStatusChanged", payload: (id: string) => Record<string, unknown>) => {
  const ids = new CausalIdGenerator()
  if (context.entries.newestEventId !== null) ids.observe(context.entries.newestEventId)
  const nowMs = Date.now()
  const id = ids.next(nowMs)
  const event: Record<string, unknown> & { entryId?: unknown } = payload(id)
  const envelope: SpooledEnvelope = {
    id,
    type,
    version: eventVersions[type],
    entityId: String(event.entryId),
    deviceId: ensureDeviceId(context.paths.deviceId),
    actor: resolveActor(context.env),
    recordedAt: new Date(nowMs).toISOString(),
    payload: event,
  }
  try {
    writeSpoolFiles(context.paths.spoolDir, [envelope])
  } catch (error) {
    // Renamed into the spool but its directory not fsynced: queued all the same, and the full CLI must not log it again.
    if (!existsSync(join(context.paths.spoolDir, `${id}.json`))) throw error
  }
  try {
    startDetached(context.cliPath, ["store-queued"], context.env)
  } catch {
    // No process to spare: the next command that opens the store ingests the spool.
  }
  return id
}

const logOutput = (args: ReadonlyArray<string>, context: Context): string | undefined => {
  const values = plainly(fastCommands.log.parse(args))?.values
  if (values === undefined) return undefined
  const { category, status, title, body } = values
  const trimmedTitle = trimmedOrNull(title)
  if (category === undefined || !isCategory(category) || (status !== undefined && !isStatus(status)) || trimmedTitle === null) return undefined
  const loggedStatus: StatusWord = status ?? defaultStatus(category)
  const cwd = process.cwd()
  const sessionId = trimmedOrNull(trimmedOrNull(values["session-id"]) ?? currentSessionId(claudeDataDirs(context.env), cwd))
  const project = projectName(cwd)
  const id = queueEvent(context, "EntryLogged", (entryId) => ({
    entryId,
    category,
    status: loggedStatus,
    title: trimmedTitle,
    body: body ?? "",
    sessionId,
    project,
  }))
  return `logged ${category} (${loggedStatus}) id=${id}`
}

const resolveOutput = (args: ReadonlyArray<string>, context: Context): string | undefined => {
  const values = plainly(fastCommands.resolve.parse(args))?.values
  if (values === undefined) return undefined
  const { id, status, note } = values
  const newStatus = status ?? "resolved"
  if (!isStatus(newStatus)) return undefined
  const entry = soleMatch(context.entries, { id, titleMatch: values["title-match"] })
  if (entry === undefined) return undefined
  queueEvent(context, "EntryStatusChanged", () => ({ entryId: entry.id, status: newStatus, note: trimmedOrNull(note) }))
  return `${newStatus} ${entry.category} id=${entry.id} (${printableLine(entry.title)})`
}

const outputs: Record<LightEntryCommand, (args: ReadonlyArray<string>, context: Context) => string | undefined> = {
  list: listOutput,
  show: showOutput,
  log: logOutput,
  resolve: resolveOutput,
}

/**
 * Answers the command line and returns true, or returns false having written nothing, for the
 * full CLI to answer. `cliPath` is the launcher, for the detached `store-queued` that stores queued events.
 */
export const answeredLight = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, cliPath: string): boolean => {
  const [command, ...rest] = args
  if (!isLightEntryCommand(command)) return false
  const paths = dataPathsIn(resolveDataDir(env))
  let output: string | undefined
  try {
    if (dataDirIsAFile(paths.dataDir)) return false
    const entries = currentEntries(paths)
    output = entries === undefined ? undefined : outputs[command](rest, { env, paths, entries, cliPath })
  } catch {
    return false // nothing was queued: the spool write is the last step that can throw
  }
  if (output === undefined) return false
  process.stdout.write(`${output}\n`)
  return true
}
