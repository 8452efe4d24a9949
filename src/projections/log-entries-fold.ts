import type { Category, Status } from "../events/entry-vocabulary.js"
import type { EntryLogged, EntryStatusChanged, LegacyEntryUpdated } from "../events/domain-event.js"
import type { Decoded } from "./decoded-events.js"

/** A row of `log_entries`: an entry as its events leave it. */
export interface EntryRow {
  readonly id: string
  readonly category: Category
  readonly title: string
  readonly body: string
  readonly status: Status
  readonly session_id: string | null
  readonly project: string | null
  readonly logged_at: string
  /** The last change (the logging itself until someone changes it). */
  readonly updated_at: string
  readonly created_by: string
  readonly updated_by: string
  readonly last_event_id: string
}

export type EntryEvent = Decoded<EntryLogged | EntryStatusChanged | LegacyEntryUpdated>

const appendNote = (body: string, note: string, actor: string, status: Status, at: string): string => {
  const line = `[${at.slice(0, 10)} ${actor} → ${status}] ${note}`
  return body === "" ? line : `${body}\n\n${line}`
}

/**
 * One step of the fold. A status change wins over every change with a smaller id; a change
 * that sorts before its entry was logged has nothing to apply to and is ignored.
 */
export const evolveEntry = (state: EntryRow | undefined, { event, stored }: EntryEvent): EntryRow | undefined => {
  if (event._tag === "EntryLogged") {
    if (state !== undefined) return state
    return {
      id: event.entryId,
      category: event.category,
      title: event.title,
      body: event.body,
      status: event.status,
      session_id: event.sessionId,
      project: event.project,
      logged_at: stored.recordedAt,
      updated_at: stored.recordedAt,
      created_by: stored.actor,
      updated_by: stored.actor,
      last_event_id: stored.id,
    }
  }
  if (state === undefined) return undefined
  if (event._tag === "LegacyEntryUpdated") {
    return { ...state, status: event.status, body: event.body, updated_at: stored.recordedAt, updated_by: stored.actor, last_event_id: stored.id }
  }
  return {
    ...state,
    status: event.status,
    body: event.note === null ? state.body : appendNote(state.body, event.note, stored.actor, event.status, stored.recordedAt),
    updated_at: stored.recordedAt,
    updated_by: stored.actor,
    last_event_id: stored.id,
  }
}

/** Folds events (in id order) into one row per entry. */
export const foldEntries = (events: Iterable<EntryEvent>): Map<string, EntryRow> => {
  const rows = new Map<string, EntryRow>()
  for (const decoded of events) {
    const id = decoded.event.entryId
    const next = evolveEntry(rows.get(id), decoded)
    if (next !== undefined) rows.set(id, next)
  }
  return rows
}
