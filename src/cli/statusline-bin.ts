/**
 * `statusline`, bundled alone as statusline.cjs: Claude Code runs it after every message, so
 * `setup --statusline` installs this file itself, which loads none of the launcher's modules
 * (their Node built-ins alone cost a third of a bare `node` start); the launcher's `statusline`
 * requires it too. Whatever happens, it exits 0 with one line.
 */
import { writeSync } from "node:fs"
import { readStatusLineStdin } from "../snapshot/status-line-stdin.js"
import { statusLineOutput } from "../snapshot/status-line-output.js"

try {
  // Straight to fd 1: process.stdout would build a stream first.
  writeSync(1, `${statusLineOutput(readStatusLineStdin(), process.env, new Date())}\n`)
} catch {
  // stdout closed: nothing to tell anyone.
}
