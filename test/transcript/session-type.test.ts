import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { loadSessionTypeRules, sessionType } from "../../src/transcript/session-type.js"

const rulesFile = (yaml: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "csl-types-")), "session_types.yaml")
  writeFileSync(path, yaml)
  return loadSessionTypeRules(path)
}

describe("session_type", () => {
  it("built-in rules, first match wins", () => {
    expect(sessionType([], ["dbt-modeling"], "/src/app")).toBe("dbt")
    expect(sessionType([], ["kimball-design", "systematic-debugging"], "/src/app")).toBe("dbt")
    expect(sessionType([], [], "/src/analytics-dbt")).toBe("dbt")
    expect(sessionType([], ["systematic-debugging", "brainstorming"], "/src/app")).toBe("debugging")
    expect(sessionType([], ["brainstorming"], "/src/app")).toBe("research")
    expect(sessionType([], ["deep-research"], "/src/app")).toBe("research")
    expect(sessionType([], ["executing-plans"], "/src/app")).toBe("planning")
    expect(sessionType([], ["pdf"], "/src/app")).toBe("general")
  })

  it("user rules from session_types.yaml come first, matching skills or path substrings in any case", () => {
    const rules = rulesFile(`
- type: infra
  path: [Terraform, /ops/]
- type: review
  skills: [code-REVIEW]
`)
    expect(sessionType(rules, [], "/home/me/terraform-aws")).toBe("infra")
    expect(sessionType(rules, ["requesting-code-review", "systematic-debugging"], "/src/app")).toBe("review")
    expect(sessionType(rules, ["systematic-debugging"], "/src/app")).toBe("debugging")
  })

  it("a missing or malformed file leaves the built-ins", () => {
    expect(loadSessionTypeRules(join(tmpdir(), "absent", "session_types.yaml"))).toEqual([])
    expect(rulesFile("- type: [unclosed")).toEqual([])
    expect(rulesFile("just a string")).toEqual([])
    expect(rulesFile("- skills: [x]\n- type: ok\n  skills: [y]")).toEqual([{ type: "ok", skills: ["y"], path: [] }])
  })
})
