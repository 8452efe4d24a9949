/** The `claude-session-logger-setup` bin: the same CLI, with `setup` as its command. */
process.argv.splice(2, 0, "setup")
require("./cli.cjs")
