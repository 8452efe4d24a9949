import { describe, expect, it } from "vitest"
import { freshHome, runCli, userEnv } from "../support/cli.js"

describe("date options (--since, --until)", () => {
  const cli = (args: ReadonlyArray<string>) => runCli(args, { env: userEnv(freshHome()) })

  it("take a date, a date-time, today, yesterday or a span back (sessions, summary, backfill)", () => {
    for (const since of ["2026-11-01", "2026-11-01T09:00:00Z", "2026-11-01T09:00:00+01:00", "today", "yesterday", "7d", "2w", "3m"]) {
      expect(cli(["sessions", "--since", since]).status, since).toBe(0)
      expect(cli(["summary", "--until", since]).status, since).toBe(0)
    }
  })

  it("reject anything else with one line and exit 2", () => {
    const result = cli(["sessions", "--until", "last tuesday"])
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split("\n")).toEqual([
      "'last tuesday' is not a date (try 2026-11-01, 2026-11-01T09:00, 2026-11-01T09:00:00Z, today, yesterday, 7d, 2w or 3m.)",
    ])
    expect(cli(["backfill", "--since", "7y"]).stderr).toContain("'7y' is not a date")
    expect(cli(["sessions", "--help"]).stdout).toContain("--since date")
  })
})
