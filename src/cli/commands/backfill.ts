import { Command, Options } from "@effect/cli"
import { SingleBar } from "cli-progress"
import { Console, Effect } from "effect"
import { startBackgroundIndex } from "../../config/detached-command.js"
import { backfill } from "../../recording/backfill.js"
import { backfillSummaryText } from "../backfill-text.js"
import { dateOption, optionalValue } from "../date-option.js"

const since = dateOption("since", "Only transcripts written on or after this date.")
const project = Options.text("project").pipe(Options.optional, Options.withDescription("Only sessions of this project (directory name)."))

/** A progress bar on a terminal; nothing when output is piped or logged. */
const progressBar = () => {
  if (!process.stderr.isTTY) return { update: undefined, stop: () => undefined }
  const bar = new SingleBar({ format: "reading transcripts [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true })
  let started = false
  return {
    update: (done: number, total: number) => {
      if (!started) bar.start(total, 0)
      started = true
      bar.update(done)
    },
    stop: () => started && bar.stop(),
  }
}

export const backfillCommand = Command.make("backfill", { since, project }, (args) =>
  Effect.gen(function* () {
    const bar = progressBar()
    const summary = yield* backfill({ since: optionalValue(args.since), project: optionalValue(args.project), onProgress: bar.update })
      .pipe(Effect.ensuring(Effect.sync(bar.stop)))
    // The search index reads every new transcript once: in the background, not on the user's clock.
    if (summary.recorded > 0 || summary.unchanged > 0) startBackgroundIndex(process.argv[1] ?? "", process.env)
    yield* Console.log(backfillSummaryText(summary))
  })).pipe(Command.withDescription("Record every past session found in Claude Code's data dirs that is new or changed."))
