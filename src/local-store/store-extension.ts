import { Context, type Effect } from "effect"
import type { EventDraft } from "../events/stamp-events.js"
import type { StoredEvent } from "../events/stored-event.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"

/** An open store for the length of one piece of work. */
export interface StoreSession {
  readonly db: Db
  /** This device's id, as its events carry it. */
  readonly deviceId: string
  /** Stamps, appends and projects these events in one transaction; returns them as stored. */
  readonly append: (drafts: ReadonlyArray<EventDraft>) => Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed>
  /**
   * Stores events that already have their ids (a spool, an import, a backup) with their
   * projection, inside the caller's transaction; returns those that were new, in id order.
   */
  readonly ingest: (events: ReadonlyArray<StoredEvent>) => Effect.Effect<ReadonlyArray<StoredEvent>, DatabaseFailed>
}

/**
 * What a module above the write path adds to the store: its own tables, and work that must
 * happen with the events it cares about. The write path knows none of these modules; the
 * composition root (the CLI) hands it the list, so each table keeps one owner and the arrows
 * keep pointing down.
 */
export interface StoreExtension {
  /** The tables this module owns; a read-only open serves a command only when all exist. */
  readonly tables: ReadonlyArray<string>
  /** Creates what is missing of them. Runs on every writable open: idempotent and cheap. */
  readonly ensureTables: (db: Db) => Effect.Effect<void, DatabaseFailed>
  /** Runs in the transaction that stores events made (or restored) here, never pulled ones. */
  readonly onStored?: (db: Db, stored: ReadonlyArray<StoredEvent>) => Effect.Effect<void, DatabaseFailed>
  /**
   * Whether this module has nothing to do on opening, so that a read-only open may serve a
   * command; false sends the command through a writable open first (and so through `onOpen`).
   */
  readonly settled?: (db: Db) => Effect.Effect<boolean, DatabaseFailed>
  /** Runs once per writable open, after the spool is ingested. It must not fail the opening. */
  readonly onOpen?: (session: StoreSession) => Effect.Effect<void>
}

export class StoreExtensions extends Context.Tag("StoreExtensions")<StoreExtensions, ReadonlyArray<StoreExtension>>() {}
