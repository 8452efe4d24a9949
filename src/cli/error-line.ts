import { ValidationError } from "@effect/cli"
import { redactSecrets } from "../sync/redact-secrets.js"
import { printableLine } from "../terminal/printable-text.js"

export interface Failure {
  /** One line for stderr, or none when the CLI parser already printed its own. */
  readonly line: string | undefined
  readonly exitCode: number
}

/**
 * Every expected error becomes one redacted, printable line (it may quote a title) and a non-zero exit code. Argument errors
 * (exit 2) are printed by the parser itself, with the valid choices.
 */
export const failureOf = (error: unknown): Failure => {
  if (ValidationError.isValidationError(error)) return { line: undefined, exitCode: 2 }
  const message = error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
    ? String((error as { message: unknown }).message)
    : String(error)
  return { line: `claude-session-logger: ${printableLine(redactSecrets(message))}`, exitCode: 1 }
}
