import { Command } from "@effect/cli"
import { Console, Effect } from "effect"
import { doctorChecks } from "../../setup/doctor.js"
import { ChecksFailed } from "../../setup/setup-errors.js"
import { printJson } from "../output.js"
import { json } from "../shared-options.js"

export const doctorCommand = Command.make("doctor", { json }, (args) =>
  Effect.gen(function* () {
    const checks = yield* doctorChecks
    if (args.json) yield* printJson(checks)
    else {
      yield* Console.log(checks.map((check) =>
        `${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}${check.ok || check.remedy === undefined ? "" : ` — ${check.remedy}`}`
      ).join("\n"))
    }
    // Scripts can rely on the exit code: 0 only when every check passed.
    const failed = checks.filter((check) => !check.ok).length
    if (failed > 0) return yield* new ChecksFailed({ failed, total: checks.length })
  })).pipe(Command.withDescription("Check the installation: hooks, database, queues, token (never shown), background sync, remote, last sync."))
