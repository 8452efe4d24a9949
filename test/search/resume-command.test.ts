import { describe, expect, it } from "vitest"
import { resumeCommand } from "../../src/sessions/resume-command.js"
import { queryOfArguments, searchTerms } from "../../src/sessions/search-terms.js"

describe("resume command", () => {
  it("quotes a cwd the shell would split or expand, and leaves a plain one bare", () => {
    expect(resumeCommand({ cwd: "/home/dev/shop", session_id: "abc-1" })).toBe("cd /home/dev/shop && claude --resume abc-1")
    expect(resumeCommand({ cwd: "/home/dev/my shop's $HOME", session_id: "abc-1" })).toBe(`cd '/home/dev/my shop'\\''s $HOME' && claude --resume abc-1`)
  })
})

describe("search terms", () => {
  it("splits words and keeps quoted phrases whole", () => {
    expect(searchTerms(`  flaky   "login test" ci "unclosed phrase`)).toEqual(["flaky", "login test", "ci", "unclosed phrase"])
    expect(searchTerms(`"" \t `)).toEqual([])
  })

  it("reads an argument the shell kept whole around spaces as a phrase", () => {
    expect(searchTerms(queryOfArguments(["flaky login", "ci"]))).toEqual(["flaky login", "ci"])
    expect(searchTerms(queryOfArguments([`"a b" c`]))).toEqual(["a b", "c"])
  })
})
