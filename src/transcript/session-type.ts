import { readFileSync } from "node:fs"
import { parse } from "yaml"

/** A user rule from `session_types.yaml`: skills OR path substrings (case-insensitive). */
export interface SessionTypeRule {
  readonly type: string
  readonly skills: ReadonlyArray<string>
  readonly path: ReadonlyArray<string>
}

const strings = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item !== "") : []

/**
 * The user's rules, checked before the built-ins. A missing or malformed file (or malformed
 * rules in it) silently leaves only the built-ins: a typo must not break session recording.
 */
export const loadSessionTypeRules = (path: string): ReadonlyArray<SessionTypeRule> => {
  try {
    const parsed: unknown = parse(readFileSync(path, "utf8"))
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((rule: unknown) => {
      if (typeof rule !== "object" || rule === null) return []
      const { path: paths, skills, type } = rule as Record<string, unknown>
      return typeof type === "string" && type !== "" ? [{ type, skills: strings(skills), path: strings(paths) }] : []
    })
  } catch {
    return []
  }
}

const builtInRules = (skills: ReadonlyArray<string>, cwd: string): string => {
  const has = (name: string) => skills.includes(name)
  if (skills.some((skill) => skill.includes("dbt") || skill.includes("kimball")) || cwd.includes("dbt")) return "dbt"
  if (has("systematic-debugging")) return "debugging"
  if (has("deep-research") || has("brainstorming") || has("research")) return "research"
  if (has("writing-plans") || has("executing-plans")) return "planning"
  return "general"
}

/** First match wins: the user's rules in order, then the built-ins, else `general`. */
export const sessionType = (rules: ReadonlyArray<SessionTypeRule>, skillsUsed: ReadonlyArray<string>, cwd: string): string => {
  const skills = skillsUsed.map((skill) => skill.toLowerCase())
  const path = cwd.toLowerCase()
  const matched = rules.find((rule) =>
    rule.skills.some((wanted) => skills.some((skill) => skill.includes(wanted.toLowerCase()))) ||
    rule.path.some((wanted) => path.includes(wanted.toLowerCase()))
  )
  return matched?.type ?? builtInRules(skills, path)
}
