import { Command, type Usage } from "@effect/cli"
import { Option } from "effect"
import { describe, expect, it } from "vitest"
import { listCommand } from "../../src/cli/commands/list.js"
import { logCommand } from "../../src/cli/commands/log.js"
import { resolveCommand } from "../../src/cli/commands/resolve.js"
import { showCommand } from "../../src/cli/commands/show.js"
import { inboxCommand } from "../../src/cli/commands/inbox.js"
import { memorySearchCommand } from "../../src/cli/commands/memory.js"
import { recentCommand } from "../../src/cli/commands/recent.js"
import { recordCommand } from "../../src/cli/commands/record.js"
import { searchCommand } from "../../src/cli/commands/search.js"
import { sessionStartCommand } from "../../src/cli/commands/session-start.js"
import { statuslineCommand } from "../../src/cli/commands/statusline.js"
import { type FastCommand, fastCommands } from "../../src/cli/fast-commands.js"

interface Declared {
  /** Option name (without --) to whether it takes a value. */
  readonly options: Record<string, boolean>
  readonly positionals: boolean
}

/** What the full CLI's definition of a command accepts, read from its usage. */
const accepted = (usage: Usage.Usage, into: { options: Record<string, boolean>; positionals: boolean }) => {
  switch (usage._tag) {
    case "Named":
      for (const name of usage.names) {
        if (name.startsWith("--")) into.options[name.slice(2)] = Option.isSome(usage.acceptedValues)
        else if (name.startsWith("<")) into.positionals = true
      }
      return into
    case "Optional":
    case "Repeated":
      return accepted(usage.usage, into)
    case "Concat":
    case "Alternation":
      return accepted(usage.right, accepted(usage.left, into))
    default:
      return into
  }
}

const fullCli = <Name extends string, R, E, A>(command: Command.Command<Name, R, E, A>): Declared =>
  accepted(Command.getUsage(command), { options: {}, positionals: false })

const fastPath = (name: FastCommand): Declared => ({
  options: Object.fromEntries(Object.entries(fastCommands[name].options ?? {}).map(([option, { type }]) => [option, type === "string"])),
  positionals: fastCommands[name].parse(["a-positional"]) !== undefined,
})

describe("the launcher's fast commands", () => {
  const definitions: Record<FastCommand, { readonly full: Declared; readonly fast: Declared }> = {
    recent: { full: fullCli(recentCommand), fast: fastPath("recent") },
    inbox: { full: fullCli(inboxCommand), fast: fastPath("inbox") },
    record: { full: fullCli(recordCommand), fast: fastPath("record") },
    "session-start": { full: fullCli(sessionStartCommand), fast: fastPath("session-start") },
    search: { full: fullCli(searchCommand), fast: fastPath("search") },
    statusline: { full: fullCli(statuslineCommand), fast: fastPath("statusline") },
    "memory search": { full: fullCli(memorySearchCommand), fast: fastPath("memory search") },
    list: { full: fullCli(listCommand), fast: fastPath("list") },
    show: { full: fullCli(showCommand), fast: fastPath("show") },
    log: { full: fullCli(logCommand), fast: fastPath("log") },
    resolve: { full: fullCli(resolveCommand), fast: fastPath("resolve") },
  }

  for (const [name, { full, fast }] of Object.entries(definitions)) {
    it(`accept every option of the full CLI's ${name}, each taking a value exactly when it does there`, () => {
      expect(fast).toEqual(full)
    })
  }

  it("leave to the full CLI what their declarations do not accept", () => {
    expect(fastCommands.recent.parse(["--limit"])).toBeUndefined()
    expect(fastCommands.recent.parse(["--verbose"])).toBeUndefined()
    expect(fastCommands.record.parse(["extra"])).toBeUndefined()
    expect(fastCommands.search.parse(["text", "--limit=5", "--json"])?.values).toEqual({ limit: "5", json: true })
  })
})
