import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { rebuildProjections } from "../../projections/projector.js"
import { LocalStore } from "../../local-store/local-store.js"

export const rebuildCommand = Command.make("rebuild", {}, () =>
  Effect.gen(function* () {
    const counts = yield* (yield* LocalStore).use(({ db }) => db.transaction(rebuildProjections(db)))
    yield* Console.log(`rebuilt ${counts.map(({ rows, table }) => `${table}: ${rows}`).join(", ")}`)
  })).pipe(Command.withDescription("Drop every projection and refold it from the events."))
