import { describe, expect, it } from "vitest"
import { freshHome, runCli, userEnv } from "../support/cli.js"

describe("date options (--since, --until)", () => {
  const cli = (args: ReadonlyArray<string>) => runCli(args, { env: userEnv(freshHome()) })

  it("take a date or a date-time with its zone", () => {
    for (const since of ["2026-11-01", "2026-11-01T09:00:00Z", "2026-11-01T09:00:00+01:00"]) {
      expect(cli(["sessions", "--since", since]).status, since).toBe(0)
    }
  })

  it("reject anything else with one line and exit 2", () => {
    const result = cli(["sessions", "--until", "last tuesday"])
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split("\n")).toEqual(["'last tuesday' is not a date"])
    expect(cli(["sessions", "--help"]).stdout).toContain("--since date")
  })
})
