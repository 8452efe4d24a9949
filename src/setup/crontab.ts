import { spawnSync } from "node:child_process"
import { Effect, Schema } from "effect"
import { cronLine, withOwnCronLine, withoutOwnCronLines } from "./crontab-lines.js"

export class CrontabFailed extends Schema.TaggedError<CrontabFailed>()("CrontabFailed", {
  program: Schema.String,
  reason: Schema.String,
}) {
  override get message() {
    return `could not update the crontab with ${this.program}: ${this.reason}`
  }
}

/** `$CLAUDE_LOGGER_CRONTAB` when set (tests use a stand-in), else the system's `crontab`. */
export const crontabProgram = (env: NodeJS.ProcessEnv): string => env.CLAUDE_LOGGER_CRONTAB?.trim() || "crontab"

const run = (program: string, args: ReadonlyArray<string>, input?: string) =>
  spawnSync(program, [...args], { encoding: "utf8", input: input ?? "", timeout: 10_000 })

/** The user's crontab; none yet reads as empty. */
export const readCrontab = (program: string): Effect.Effect<string, CrontabFailed> =>
  Effect.suspend(() => {
    const result = run(program, ["-l"])
    if (result.error) return Effect.fail(new CrontabFailed({ program, reason: result.error.message }))
    if (result.status === 0) return Effect.succeed(result.stdout)
    return /no crontab/i.test(result.stderr) ? Effect.succeed("") : Effect.fail(new CrontabFailed({ program, reason: result.stderr.trim() }))
  })

const writeCrontab = (program: string, content: string): Effect.Effect<void, CrontabFailed> =>
  Effect.suspend(() => {
    const result = run(program, ["-"], content)
    return result.error || result.status !== 0
      ? Effect.fail(new CrontabFailed({ program, reason: result.error?.message ?? result.stderr.trim() }))
      : Effect.void
  })

/** Installs our line (replacing an outdated one); true when the crontab changed. */
export const installCronLine = (program: string, syncCommand: string) =>
  readCrontab(program).pipe(Effect.flatMap((current) => {
    const next = withOwnCronLine(current, cronLine(syncCommand))
    return next === current ? Effect.succeed(false) : writeCrontab(program, next).pipe(Effect.as(true))
  }))

/** Removes our lines; true when there was one. */
export const removeCronLine = (program: string) =>
  readCrontab(program).pipe(Effect.flatMap((current) => {
    const next = withoutOwnCronLines(current)
    return next === current ? Effect.succeed(false) : writeCrontab(program, next).pipe(Effect.as(true))
  }))

export const hasCronLine = (program: string) =>
  readCrontab(program).pipe(Effect.map((current) => withoutOwnCronLines(current) !== current))
