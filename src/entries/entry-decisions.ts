import { Either } from "effect"
import { type Category, defaultStatus, type Status } from "../events/entry-vocabulary.js"
import { EntryId, EventId, SessionId } from "../events/ids.js"
import type { EventDraft } from "../events/stamp-events.js"
import { titleWords, trimmedOrNull } from "./entry-rules.js"
import { AmbiguousEntry, EntryNotFound, InvalidEntryInput } from "./entry-errors.js"

/**
 * The rules of the note commands, apart from the store: what a command becomes (events) or why it
 * cannot. The service reads the state a decision needs, calls these, and appends what they return.
 */

export interface LogEntry {
  readonly category: Category
  readonly status?: Status | undefined
  readonly title: string
  readonly body?: string | undefined
  readonly sessionId: string | null
  readonly project: string | null
}

/** How a command names one entry: its id (full, short, or a prefix), or words of its title. */
export type EntrySelector =
  | { readonly _tag: "ById"; readonly id: string }
  | { readonly _tag: "ByTitle"; readonly words: string }

/** What the store is asked for to find the entry a selector names. */
export type EntryLookup =
  | { readonly _tag: "ById"; readonly id: string }
  | { readonly _tag: "ByTitle"; readonly words: ReadonlyArray<string> }

/** The least the decisions need to know of an entry that matched. */
export interface MatchedEntry {
  readonly id: string
  readonly short_id: string
  readonly status: string
  readonly title: string
}

export interface LoggedDecision {
  readonly status: Status
  readonly draft: EventDraft
}

/** A new entry starts with its category's default status unless one is given; its title is required. */
export const decideLog = (command: LogEntry): Either.Either<LoggedDecision, InvalidEntryInput> => {
  const title = trimmedOrNull(command.title)
  if (title === null) return Either.left(new InvalidEntryInput({ reason: "the title is empty; pass --title \"…\"" }))
  const status = command.status ?? defaultStatus(command.category)
  const sessionId = trimmedOrNull(command.sessionId)
  return Either.right({
    status,
    draft: (id) => ({
      _tag: "EntryLogged",
      entryId: EntryId.make(id),
      category: command.category,
      status,
      title,
      body: command.body ?? "",
      sessionId: sessionId ? SessionId.make(sessionId) : null,
      project: command.project,
    }),
  })
}

const describe = (selector: EntrySelector) =>
  selector._tag === "ById" ? `id ${selector.id}` : `title words "${selector.words}"`

/** An empty id or a title match without words names nothing: refused before the store is read. */
export const lookupFor = (selector: EntrySelector): Either.Either<EntryLookup, InvalidEntryInput> => {
  if (selector._tag === "ById") {
    const id = selector.id.trim()
    return id === ""
      ? Either.left(new InvalidEntryInput({ reason: "the id is empty; pass a full id or its short id" }))
      : Either.right({ _tag: "ById", id })
  }
  const words = titleWords(selector.words)
  return words.length === 0
    ? Either.left(new InvalidEntryInput({ reason: "--title-match needs at least one word" }))
    : Either.right({ _tag: "ByTitle", words })
}

/** A command acts on exactly one entry: none or several matches are errors that name the candidates. */
export const exactlyOne = <E extends MatchedEntry>(
  selector: EntrySelector,
  matches: ReadonlyArray<E>,
): Either.Either<E, EntryNotFound | AmbiguousEntry> => {
  const [only, ...rest] = matches
  if (only === undefined) return Either.left(new EntryNotFound({ query: describe(selector) }))
  if (rest.length > 0) return Either.left(new AmbiguousEntry({ query: describe(selector), candidates: matches }))
  return Either.right(only)
}

/** A status change of the one matching entry; a blank note is no note. */
export const decideStatusChange = <E extends MatchedEntry>(
  selector: EntrySelector,
  matches: ReadonlyArray<E>,
  status: Status,
  note: string | undefined,
): Either.Either<{ readonly entry: E; readonly draft: EventDraft }, EntryNotFound | AmbiguousEntry> =>
  exactlyOne(selector, matches).pipe(Either.map((entry) => {
    const trimmedNote = trimmedOrNull(note)
    return {
      entry,
      draft: () => ({
        _tag: "EntryStatusChanged",
        entryId: EntryId.make(entry.id),
        status,
        note: trimmedNote,
      }),
    }
  }))

/** Reading the inbox moves this reader's watermark to the newest change shown, if asked and there is one. */
export const decideInboxRead = (
  reader: string,
  changes: ReadonlyArray<{ readonly last_event_id: string }>,
  advance: boolean,
): ReadonlyArray<EventDraft> => {
  const newest = changes.at(-1)
  return advance && newest !== undefined
    ? [() => ({ _tag: "InboxWatermarkAdvanced", reader, watermark: EventId.make(newest.last_event_id) })]
    : []
}
