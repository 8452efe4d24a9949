import { Effect } from "effect"
import { AppConfig } from "../config/app-config.js"
import { projectName } from "../config/project-identity.js"
import type { Db } from "../store/database.js"
import { LocalStore } from "../local-store/local-store.js"
import type { Category, Status } from "../events/entry-vocabulary.js"
import { decideInboxRead, decideLog, decideStatusChange, type EntrySelector, exactlyOne, lookupFor } from "./entry-decisions.js"
import {
  entriesMatchingId,
  entriesMatchingTitle,
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

const findMatches = (db: Db, selector: EntrySelector) =>
  Effect.gen(function* () {
    const lookup = yield* lookupFor(selector)
    return yield* lookup._tag === "ById" ? entriesMatchingId(db, lookup.id) : entriesMatchingTitle(db, lookup.words)
  })

/** On-demand notes: log, change status, read, and the inbox of others' changes. */
export class Entries extends Effect.Service<Entries>()("Entries", {
  effect: Effect.gen(function* () {
    const store = yield* LocalStore
    const config = yield* AppConfig

    const log = Effect.fn("Entries.log")(function* (input: LogInput) {
      const explicitSession = input.sessionId?.trim()
      const decision = yield* decideLog({
        ...input,
        sessionId: explicitSession ? explicitSession : currentSessionId(config.claudeDataDirs, config.cwd),
        project: projectName(config.cwd),
      })
      const recorded = yield* store.record([decision.draft])
      const [event] = recorded.events
      return { id: event?.id ?? "", category: input.category, status: decision.status, queued: recorded.queued }
    })

    const changeStatus = Effect.fn("Entries.changeStatus")(
      function* (selector: EntrySelector, status: Status, note: string | undefined) {
        return yield* store.use((session) =>
          Effect.gen(function* () {
            const matches = yield* findMatches(session.db, selector)
            const { entry, draft } = yield* decideStatusChange(selector, matches, status, note)
            yield* session.append([draft])
            return { ...entry, status }
          })
        )
      },
    )

    const show = (selector: EntrySelector) =>
      store.read((db) => findMatches(db, selector).pipe(Effect.flatMap((matches) => exactlyOne(selector, matches))))

    /** Without a scope: this directory's project and the entries that have none. */
    const list = (filter: ListFilter) =>
      store.read((db) => listEntries(db, { ...filter, projects: filter.projects ?? { _tag: "Current", project: projectName(config.cwd) } }))

    /** Count from the projections (the badge itself reads the snapshot; see launcher). */
    const inbox = Effect.fn("Entries.inbox")(function* (options: { readonly advance: boolean }) {
      return yield* store.use((session) =>
        Effect.gen(function* () {
          const changes = yield* inboxEntries(session.db, config.actor)
          const drafts = decideInboxRead(config.actor, changes, options.advance)
          if (drafts.length > 0) yield* session.append(drafts)
          return changes
        })
      )
    })

    return { log, changeStatus, show, list, inbox } as const
  }),
  dependencies: [LocalStore.Default],
}) {}
