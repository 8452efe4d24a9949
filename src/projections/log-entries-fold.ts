import type { Status } from "../events/entry-vocabulary.js"
import type { EntryLogged, EntryStatusChanged, LegacyEntryUpdated } from "../events/domain-event.js"
import type { Decoded } from "./decoded-events.js"
import type { LogEntryRow } from "./log-entry-rows.js"

export type EntryEvent = Decoded<EntryLogged | EntryStatusChanged | LegacyEntryUpdated>

const appendNote = (body: string, note: string, actor: string, status: Status, at: string): string => {
  const line = `[${at.slice(0, 10)} ${actor} → ${status}] ${note}`
  return body === "" ? line : `${body}\n\n${line}`
}

/**
 * One step of the fold. A status change wins over every change with a smaller id; a change
 * that sorts before its entry was logged has nothing to apply to and is ignored.
 */
export const evolveEntry = (state: LogEntryRow | undefined, { event, stored }: EntryEvent): LogEntryRow | undefined => {
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
export const foldEntries = (events: Iterable<EntryEvent>): Map<string, LogEntryRow> => {
  const rows = new Map<string, LogEntryRow>()
  for (const decoded of events) {
    const id = decoded.event.entryId
    const next = evolveEntry(rows.get(id), decoded)
    if (next !== undefined) rows.set(id, next)
  }
  return rows
}
