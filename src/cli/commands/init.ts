import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { AppConfig } from "../../config/app-config.js"
import { LocalStore } from "../../local-store/local-store.js"

export const initCommand = Command.make("init", {}, () =>
  Effect.gen(function* () {
    const { paths } = yield* AppConfig
    yield* (yield* LocalStore).use(() => Effect.void)
    yield* Console.log(`initialized ${paths.database}`)
  })).pipe(Command.withDescription("Create the data dir and the database schema."))
