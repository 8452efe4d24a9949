import { Effect } from "effect"
import { basename } from "node:path"
import { AppConfig } from "../config/app-config.js"
import { EntryId, SessionId } from "../events/ids.js"
import type { DatabaseFailed } from "../store/database-errors.js"
import type { Db } from "../store/database.js"
import { LocalStore } from "../store/local-store.js"
import { type Category, defaultStatus, type Status } from "./entry-fields.js"
import { AmbiguousEntry, EntryNotFound, InvalidEntryInput } from "./entry-errors.js"
import {
  entriesMatchingId,
  entriesMatchingTitle,
  type EntryWithLastEvent,
  inboxEntries,
  type ListFilter,
  listEntries,
} from "./entry-queries.js"
import { currentSessionId } from "../transcript/current-session.js"

export interface LogInput {
  readonly category: Category
  readonly status?: Status | undefined
  readonly title: string
  readonly body?: string | undefined
  readonly sessionId?: string | undefined
}

/** How a command names one entry: its id (full, short, or a prefix), or words of its title. */
export type EntrySelector =
  | { readonly _tag: "ById"; readonly id: string }
  | { readonly _tag: "ByTitle"; readonly words: string }

const describe = (selector: EntrySelector) =>
  selector._tag === "ById" ? `id ${selector.id}` : `title words "${selector.words}"`

const exactlyOne = (
  selector: EntrySelector,
  matches: ReadonlyArray<EntryWithLastEvent>,
): Effect.Effect<EntryWithLastEvent, EntryNotFound | AmbiguousEntry> => {
  const [only, ...rest] = matches
  if (only === undefined) return Effect.fail(new EntryNotFound({ query: describe(selector) }))
  if (rest.length > 0) {
    return Effect.fail(new AmbiguousEntry({ query: describe(selector), candidates: matches }))
  }
  return Effect.succeed(only)
}

const findOne = (
  db: Db,
  selector: EntrySelector,
): Effect.Effect<EntryWithLastEvent, InvalidEntryInput | EntryNotFound | AmbiguousEntry | DatabaseFailed> => {
  if (selector._tag === "ById") {
    return selector.id.trim() === ""
      ? Effect.fail(new InvalidEntryInput({ reason: "the id is empty; pass a full id or its short id" }))
      : entriesMatchingId(db, selector.id).pipe(Effect.flatMap((matches) => exactlyOne(selector, matches)))
  }
  const words = selector.words.split(/\s+/).filter((word) => word !== "")
  return words.length === 0
    ? Effect.fail(new InvalidEntryInput({ reason: "--title-match needs at least one word" }))
    : entriesMatchingTitle(db, words).pipe(Effect.flatMap((matches) => exactlyOne(selector, matches)))
}

/** On-demand notes: log, change status, read, and the inbox of others' changes. */
export class Entries extends Effect.Service<Entries>()("Entries", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const config = yield* AppConfig

    const log = Effect.fn("Entries.log")(function* (input: LogInput) {
      const title = input.title.trim()
      if (title === "") return yield* new InvalidEntryInput({ reason: "the title is empty; pass --title \"…\"" })
      const explicitSession = input.sessionId?.trim()
      const sessionId = explicitSession ? explicitSession : currentSessionId(config.claudeDataDirs, config.cwd)
      const status = input.status ?? defaultStatus(input.category)
      const recorded = yield* store.record([(id) => ({
        _tag: "EntryLogged",
        entryId: EntryId.make(id),
        category: input.category,
        status,
        title,
        body: input.body ?? "",
        sessionId: sessionId === null ? null : SessionId.make(sessionId),
        project: basename(config.cwd),
      })])
      const [event] = recorded.events
      return { id: event?.id ?? "", category: input.category, status, queued: recorded.queued }
    })

    const changeStatus = Effect.fn("Entries.changeStatus")(
      function* (selector: EntrySelector, status: Status, note: string | undefined) {
        const trimmedNote = note?.trim()
        return yield* store.use((session) =>
          Effect.gen(function* () {
            const entry = yield* findOne(session.db, selector)
            yield* session.append([() => ({
              _tag: "EntryStatusChanged",
              entryId: EntryId.make(entry.id),
              status,
              note: trimmedNote ? trimmedNote : null,
            })])
            return { ...entry, status }
          })
        )
      },
    )

    const show = (selector: EntrySelector) => store.read((db) => findOne(db, selector))

    const list = (filter: ListFilter) => store.read((db) => listEntries(db, filter))

    /** Count from the projections (the badge itself reads the snapshot; see launcher). */
    const inbox = Effect.fn("Entries.inbox")(function* (options: { readonly advance: boolean }) {
      return yield* store.use((session) =>
        Effect.gen(function* () {
          const changes = yield* inboxEntries(session.db, config.actor)
          const newest = changes.at(-1)
          if (options.advance && newest !== undefined) {
            yield* session.append([() => ({
              _tag: "InboxWatermarkAdvanced",
              reader: config.actor,
              watermark: EntryId.make(newest.last_event_id),
            })])
          }
          return changes
        })
      )
    })

    return { log, changeStatus, show, list, inbox } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
