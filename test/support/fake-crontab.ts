import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/**
 * A stand-in for crontab(1) that keeps the table in `<home>/crontab.txt`: the real one is never
 * touched. Point CLAUDE_LOGGER_CRONTAB at the returned program.
 */
export const fakeCrontab = (home: string, initial: string) => {
  const program = join(home, "fake-crontab")
  writeFileSync(program, `#!/bin/sh
table="$(dirname "$0")/crontab.txt"
case "$1" in
  -l) [ -f "$table" ] && cat "$table" || { echo "no crontab for user" >&2; exit 1; } ;;
  -) cat > "$table" ;;
esac
`)
  chmodSync(program, 0o755)
  const table = join(home, "crontab.txt")
  writeFileSync(table, initial)
  return { program, read: () => (existsSync(table) ? readFileSync(table, "utf8") : "") }
}
