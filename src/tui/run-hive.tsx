import { render } from "ink"
import type { HiveActions } from "./hive-actions.js"
import { HiveApp } from "./hive-app.js"

/** Entry of dist/hive-tui.mjs: shows the claude-hive app until the user leaves it. */
export const runHiveApp = async (actions: HiveActions): Promise<void> => {
  const app = render(<HiveApp actions={actions} />, { exitOnCtrlC: true })
  await app.waitUntilExit()
}
