import { Command } from "@effect/cli"
import { Effect, Layer } from "effect"
import { StoreExtensionsLive } from "../composition/store-extensions-live.js"
import { Entries } from "../entries/entries-service.js"
import { LocalStore } from "../local-store/local-store.js"
import type { EntriesCommand } from "./command-table.js"
import { initCommand } from "./commands/init.js"
import { listCommand } from "./commands/list.js"
import { logCommand } from "./commands/log.js"
import { resolveCommand } from "./commands/resolve.js"
import { showCommand } from "./commands/show.js"
import { storeQueuedCommand } from "./commands/store-queued.js"
import { cliApp, runCli } from "./run-cli.js"

/** Every command the launcher sends here (command-table.ts), by name, so none can be missing. */
const commands = {
  init: initCommand,
  log: logCommand,
  resolve: resolveCommand,
  list: listCommand,
  show: showCommand,
  "store-queued": storeQueuedCommand,
} as const satisfies Record<EntriesCommand, unknown>

const entriesRoot = Command.make(cliApp.name).pipe(
  Command.withSubcommands([commands.init, commands.log, commands.resolve, commands.list, commands.show, commands["store-queued"]]),
)
const cli = Command.run(entriesRoot, cliApp)

runCli((argv) => cli(argv).pipe(Effect.provide(Layer.merge(Entries.Default, LocalStore.Default).pipe(Layer.provide(StoreExtensionsLive)))))
