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
import { logCommand } from "./commands/log.js"
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
import { summaryCommand } from "./commands/summary.js"
import { flushCommand, syncCommand } from "./commands/sync.js"
import { showCommand } from "./commands/show.js"
import { openBrowser } from "./open-browser.js"

// Annotated so the root command's type does not depend on itself.
const helpText = (): string => HelpDoc.toAnsiText(Command.getHelp(rootCommand, CliConfig.defaultConfig)).trimEnd()

/**
 * Bare `claude-session-logger`: the browser on a terminal (the launcher normally opens it itself,
 * before this CLI loads), else the help text.
 */
const interactive = Command.make("claude-session-logger", {}, () =>
  process.stdin.isTTY && process.stdout.isTTY ? openBrowser : Console.log(helpText()))

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
    searchCommand,
    indexCommand,
    importLegacyCommand,
    exportCommand,
    budgetCommand,
    activityCommand,
  ]),
)
