/**
 * Which bundle the launcher loads for a command line. The entries commands, which Claude runs
 * for the user mid-conversation, have a bundle of their own (entries.cjs) without the session,
 * transcript, sync and setup code, so they load and compile less; everything else, and anything
 * unrecognised, goes to the full CLI (main.cjs).
 */
export const entriesCommands = ["init", "log", "resolve", "list", "show", "store-queued"] as const
export type EntriesCommand = (typeof entriesCommands)[number]

export type Bundle = "entries.cjs" | "main.cjs"

export const bundleFor = ([command]: ReadonlyArray<string>): Bundle =>
  entriesCommands.some((name) => name === command) ? "entries.cjs" : "main.cjs"
