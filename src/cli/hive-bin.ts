/** The `claude-hive` bin: the same CLI, with `hive` as its command. */
process.argv.splice(2, 0, "hive")
require("./cli.cjs")
