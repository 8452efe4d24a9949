import { render } from "ink"
import type { BrowserActions, BrowserOutcome } from "./browser-model.js"
import { BrowserApp } from "./browser-app.js"

/** Entry of dist/tui.mjs: shows the browser until the user quits or picks a session to resume. */
export const runBrowser = async (actions: BrowserActions, colour: boolean): Promise<BrowserOutcome> => {
  let outcome: BrowserOutcome = { kind: "quit" }
  const app = render(<BrowserApp actions={actions} colour={colour} onDone={(chosen) => (outcome = chosen)} />, { exitOnCtrlC: true })
  await app.waitUntilExit()
  return outcome
}
