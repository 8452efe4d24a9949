import { Command } from "@effect/cli"
import { Effect, Layer } from "effect"
import { Activity } from "../activity/activity-service.js"
import { Budgets } from "../budgets/budgets-service.js"
import { StoreExtensionsLive } from "../composition/store-extensions-live.js"
import { Entries } from "../entries/entries-service.js"
import { SessionRecorder } from "../recording/session-recorder.js"
import { Search } from "../search/search-service.js"
import { Sessions } from "../sessions/sessions-service.js"
import { Setup } from "../setup/setup-service.js"
import { Hive } from "../hive/hive-service.js"
import { Memory } from "../memory/memory-service.js"
import { LocalStore } from "../local-store/local-store.js"
import { Sync } from "../sync/sync-service.js"
import { rootCommand } from "./root-command.js"
import { cliApp, runCli } from "./run-cli.js"

const services = Layer.mergeAll(
  Entries.Default, Sessions.Default, SessionRecorder.Default, Sync.Default, Setup.Default, Search.Default, LocalStore.Default, Memory.Default,
  Budgets.Default, Activity.Default, Hive.Default,
).pipe(Layer.provide(StoreExtensionsLive))
const cli = Command.run(rootCommand, cliApp)

runCli((argv) => cli(argv).pipe(Effect.provide(services)))
