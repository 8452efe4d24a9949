import { Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { readEvents } from "../../events/event-store.js"
import { LocalStore } from "../../local-store/local-store.js"
import { printJson } from "../output.js"
import { renderTable, shortTime } from "../text-table.js"
import { json, optionalLimit as limit } from "../shared-options.js"

const type = Options.text("type").pipe(Options.optional, Options.withDescription("Only events of this type, e.g. EntryStatusChanged."))
const entity = Options.text("entity").pipe(Options.optional, Options.withDescription("Only events about this entry or session (full or short id)."))

export const eventsCommand = Command.make("events", { type, entity, limit, json }, (args) =>
  Effect.gen(function* () {
    const events = yield* (yield* LocalStore).read((db) =>
      readEvents(db, {
        ...Option.match(args.type, { onNone: () => ({}), onSome: (value) => ({ types: [value] }) }),
        ...Option.match(args.entity, { onNone: () => ({}), onSome: (value) => ({ entity: value }) }),
        ...Option.match(args.limit, { onNone: () => ({}), onSome: (value) => ({ limit: value }) }),
      })
    )
    if (args.json) return yield* printJson(events)
    yield* Console.log(
      events.length === 0
        ? "No events."
        : renderTable(
          ["ID", "TYPE", "ENTITY", "ACTOR", "RECORDED", "PAYLOAD"],
          events.map((event) => [event.id, event.type, event.entityId, event.actor, shortTime(event.recordedAt), JSON.stringify(event.payload)]),
        ),
    )
  })).pipe(Command.withDescription("The raw event log, oldest first."))
