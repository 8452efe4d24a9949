/** The `claude-memory-sync` bin: the same CLI, with `memory` as its command. */
process.argv.splice(2, 0, "memory")
require("./cli.cjs")
