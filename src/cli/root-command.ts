import { CliConfig, Command, HelpDoc } from "@effect/cli"
import { Console } from "effect"
import { activityCommand } from "./commands/activity.js"
import { backfillCommand } from "./commands/backfill.js"
import { budgetCommand } from "./commands/budget.js"
import { doctorCommand } from "./commands/doctor.js"
import { eventsCommand } from "./commands/events.js"
import { exportCommand } from "./commands/export.js"
import { inboxCommand } from "./commands/inbox.js"
import { initCommand } from "./commands/init.js"
import { listCommand } from "./commands/list.js"
import { processRecordingsCommand } from "./commands/process-recordings.js"
import { recordCommand } from "./commands/record.js"
import { storeQueuedCommand } from "./commands/store-queued.js"
import { logCommand } from "./commands/log.js"
import { hiveCommand } from "./commands/hive.js"
import { memoryCommand } from "./commands/memory.js"
import { rebuildCommand } from "./commands/rebuild.js"
import { recoverCommand } from "./commands/recover.js"
import { recentCommand } from "./commands/recent.js"
import { resolveCommand } from "./commands/resolve.js"
import { sessionsCommand } from "./commands/sessions.js"
import { searchCommand } from "./commands/search.js"
import { indexCommand } from "./commands/index-command.js"
import { importLegacyCommand } from "./commands/import-legacy.js"
import { sessionStartCommand } from "./commands/session-start.js"
import { setupCommand } from "./commands/setup.js"
import { showSessionCommand } from "./commands/show-session.js"
import { statusCommand } from "./commands/status.js"
import { statuslineCommand } from "./commands/statusline.js"
import { blocksCommand } from "./commands/blocks.js"
import { summaryCommand } from "./commands/summary.js"
import { flushCommand, syncCommand } from "./commands/sync.js"
import { showCommand } from "./commands/show.js"

// Annotated so the root command's type does not depend on itself.
const helpText = (): string => HelpDoc.toAnsiText(Command.getHelp(rootCommand, CliConfig.defaultConfig)).trimEnd()

/**
 * Bare `claude-session-logger` here prints the help text. At a terminal the launcher opens the
 * browser before this CLI loads (its dynamic import of the Ink UI cannot run from a bundle
 * compiled through a V8 code cache on Node 20).
 */
const interactive = Command.make("claude-session-logger", {}, () => Console.log(helpText()))

export const rootCommand = interactive.pipe(
  Command.withDescription("Claude Code sessions, tokens, cost and notes, kept as events that survive and sync."),
  Command.withSubcommands([
    initCommand,
    logCommand,
    resolveCommand,
    listCommand,
    showCommand,
    recentCommand,
    inboxCommand,
    eventsCommand,
    rebuildCommand,
    recoverCommand,
    recordCommand,
    storeQueuedCommand,
    processRecordingsCommand,
    backfillCommand,
    sessionsCommand,
    showSessionCommand,
    syncCommand,
    flushCommand,
    statusCommand,
    sessionStartCommand,
    setupCommand,
    doctorCommand,
    summaryCommand,
    blocksCommand,
    statuslineCommand,
    searchCommand,
    indexCommand,
    importLegacyCommand,
    memoryCommand,
    hiveCommand,
    exportCommand,
    budgetCommand,
    activityCommand,
  ]),
)
