import { Command } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { Sync } from "../../sync/sync-service.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"
import { remoteOption } from "./sync.js"

export const statusCommand = Command.make("status", { remote: remoteOption, json }, (args) =>
  Effect.gen(function* () {
    const status = yield* (yield* Sync).status(Option.getOrUndefined(args.remote))
    if (args.json) return yield* printJson(status)
    const newer = Object.entries(status.from_newer_version)
    yield* Console.log([
      `remote:            ${status.remote}`,
      `device:            ${status.device_id}`,
      `waiting to push:   ${status.waiting_to_push} event(s)`,
      `last sync:         ${status.last_sync_at === null ? "never" : `${status.last_sync_at} (pushed ${status.last_pushed}, pulled ${status.last_pulled})`}`,
      `clock skew:        ${status.clock_skew_ms === null || status.clock_skew_ms < 1000 ? "none detected" : `events up to ${Math.round(status.clock_skew_ms / 1000)} s ahead of this clock`}`,
      ...(newer.length === 0 ? [] : [
        `unreadable events: ${newer.map(([kind, count]) => `${count} ${kind}`).join(", ")} written by a newer claude-session-logger; kept, shown once you upgrade`,
      ]),
    ].join("\n"))
  })).pipe(Command.withDescription("Sync state: events waiting, last sync, remote (token never shown), device, clock skew."))
