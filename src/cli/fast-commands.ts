import { parseArgs, type ParseArgsConfig } from "node:util"

/** A command's declared options, and a parser that returns undefined where parseArgs would throw. */
const fastCommand = <const Config extends ParseArgsConfig>(config: Config) => ({
  options: config.options,
  parse: (args: ReadonlyArray<string>) => {
    try {
      return parseArgs({ ...config, args: [...args], strict: true, tokens: true })
    } catch {
      return undefined
    }
  },
})

/**
 * The commands the launcher can answer without loading the full CLI, with their options declared
 * once, for node:util's parseArgs. test/cli/fast-commands.test.ts checks this table against the
 * full CLI's definitions, so an option added there cannot be missing here. A command line these
 * declarations do not accept goes to the full CLI, which answers it or explains what is wrong.
 */
export const fastCommands = {
  recent: fastCommand({ options: { limit: { type: "string" }, json: { type: "boolean" } }, allowPositionals: false }),
  inbox: fastCommand({ options: { count: { type: "boolean" }, json: { type: "boolean" } }, allowPositionals: false }),
  record: fastCommand({ options: { "no-sync": { type: "boolean" } }, allowPositionals: false }),
  "session-start": fastCommand({ options: {}, allowPositionals: false }),
  statusline: fastCommand({ options: {}, allowPositionals: false }),
  search: fastCommand({
    options: { content: { type: "boolean" }, limit: { type: "string" }, json: { type: "boolean" }, "resume-command": { type: "boolean" } },
    allowPositionals: true,
  }),
  "memory search": fastCommand({
    options: { "project-key": { type: "string" }, "all-projects": { type: "boolean" }, full: { type: "boolean" }, json: { type: "boolean" } },
    allowPositionals: true,
  }),
  // The note commands Claude runs mid-conversation, answered by light-entries.ts.
  list: fastCommand({
    options: {
      category: { type: "string" },
      status: { type: "string" },
      open: { type: "boolean" },
      "all-projects": { type: "boolean" },
      project: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean" },
    },
    allowPositionals: false,
  }),
  show: fastCommand({ options: { "title-match": { type: "string" }, json: { type: "boolean" } }, allowPositionals: true }),
  log: fastCommand({
    options: { category: { type: "string" }, status: { type: "string" }, title: { type: "string" }, body: { type: "string" }, "session-id": { type: "string" } },
    allowPositionals: false,
  }),
  resolve: fastCommand({
    options: { id: { type: "string" }, "title-match": { type: "string" }, status: { type: "string" }, note: { type: "string" } },
    allowPositionals: false,
  }),
}

export type FastCommand = keyof typeof fastCommands

/** The note commands the launcher first offers to light-entries.ts. */
export const lightEntryCommands = ["list", "show", "log", "resolve"] as const
export type LightEntryCommand = (typeof lightEntryCommands)[number]
export const isLightEntryCommand = (command: string | undefined): command is LightEntryCommand =>
  lightEntryCommands.some((name) => name === command)

/** A `--limit` value: digits only, as the full CLI's integer option takes it; else undefined. */
export const countOf = (text: string | undefined, fallback: number): number | undefined =>
  text === undefined ? fallback : /^\d+$/.test(text) ? Number(text) : undefined
