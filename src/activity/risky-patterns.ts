import { readFileSync } from "node:fs"
import { isAbsolute, relative } from "node:path"
import { parse } from "yaml"
import { fileChangingTools } from "../transcript/tool-calls.js"

/** What a risk check sees of a call. */
export interface CallToCheck {
  readonly tool: string
  readonly target: string | null
  /** The session's working directory: the project the call should stay inside. */
  readonly cwd: string
}

/** A rule: the tools it watches (all when empty), a regular expression on the call's target, and why it matters. */
export interface RiskPattern {
  readonly tools: ReadonlyArray<string>
  readonly pattern: RegExp
  readonly reason: string
}

const bash = ["Bash"]
const anyTool: ReadonlyArray<string> = []

/** The built-in patterns; README lists them. `rm -rf` and writes are judged against the cwd separately. */
export const builtInPatterns: ReadonlyArray<RiskPattern> = [
  { tools: bash, pattern: /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/, reason: "pipes a download into a shell" },
  { tools: bash, pattern: /(^|[\s;&|(])sudo\s/, reason: "runs as root (sudo)" },
  { tools: bash, pattern: /\bgit\s+push\b[^;&|]*\s(--force(?!-with-lease)|-f)\b/, reason: "force-pushes (git push --force)" },
  { tools: bash, pattern: /\bchmod\s+(-R\s+)?0?777\b/, reason: "makes files world-writable (chmod 777)" },
  { tools: bash, pattern: /\bgit\s+reset\s+--hard\b/, reason: "discards uncommitted work (git reset --hard)" },
  { tools: bash, pattern: /\bgit\s+(commit|push)\b[^;&|]*\s--no-verify\b/, reason: "skips git hooks (--no-verify)" },
  { tools: bash, pattern: /\b(mkfs(\.\w+)?|dd\s[^;&|]*\bof=\/dev\/)/, reason: "writes a raw disk (mkfs, dd of=/dev/…)" },
  { tools: anyTool, pattern: /(^|[\s/'"=])\.env(\.[\w.-]+)?($|[\s'"])/, reason: "touches a .env file (secrets)" },
  { tools: anyTool, pattern: /(^|[\s/~])\.ssh(\/|$|\s)/, reason: "touches ~/.ssh" },
  { tools: anyTool, pattern: /\bid_(rsa|dsa|ecdsa|ed25519)\b(?!\.pub)|\.(pem|p12|pfx)\b|private[_-]?key/i, reason: "touches a private key" },
  { tools: anyTool, pattern: /\.aws\/credentials\b|(^|[\s/])\.netrc\b|(^|[\s/])\.pgpass\b/, reason: "touches a credentials file" },
]

const recursiveForce = /\brm\s+((-\w+\s+)*-\w*(rf|fr)\w*|(-\w+\s+)*(-r|-R|--recursive)\s+(-\w+\s+)*(-f|--force)|(-\w+\s+)*(-f|--force)\s+(-\w+\s+)*(-r|-R|--recursive))\s+(.*)$/

const inside = (path: string, cwd: string): boolean => {
  const rel = relative(cwd, path)
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))
}

/** `rm -rf` on `/`, `~`, `$HOME`, a `..` path or an absolute path outside the cwd. */
const removesOutside = (command: string, cwd: string): boolean => {
  for (const part of command.split(/&&|\|\||;|\|/)) {
    const match = recursiveForce.exec(part.trim())
    const operands = (match?.[match.length - 1] ?? "").split(/\s+/).filter((word) => word !== "" && !word.startsWith("-"))
    const outside = operands.some((word) => {
      const path = word.replace(/^['"]|['"]$/g, "")
      return path.startsWith("~") || path.startsWith("$HOME") || path.split("/").includes("..") ||
        (isAbsolute(path) && (cwd === "" || !inside(path, cwd)))
    })
    if (outside) return true
  }
  return false
}

/** Why the call is risky (the first reason that applies), or null. */
export const riskOf = (call: CallToCheck, patterns: ReadonlyArray<RiskPattern>): string | null => {
  const target = call.target
  if (target === null) return null
  if (call.tool === "Bash" && removesOutside(target, call.cwd)) return "rm -rf outside the project"
  for (const rule of patterns) {
    if ((rule.tools.length === 0 || rule.tools.includes(call.tool)) && rule.pattern.test(target)) return rule.reason
  }
  if (fileChangingTools.includes(call.tool) && isAbsolute(target) && call.cwd !== "" && !inside(target, call.cwd)) {
    return "writes outside the session's directory"
  }
  return null
}

/**
 * The user's own patterns (`risky_patterns.yaml` in the data dir: a list of `pattern`, `reason`
 * and optional `tools`), checked after the built-ins. A missing file, or a rule that is not
 * valid (an expression that does not compile), adds nothing rather than breaking the command.
 */
export const loadUserPatterns = (path: string): ReadonlyArray<RiskPattern> => {
  let parsed: unknown
  try {
    parsed = parse(readFileSync(path, "utf8"))
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((rule: unknown): ReadonlyArray<RiskPattern> => {
    if (typeof rule !== "object" || rule === null) return []
    const { pattern, reason, tools } = rule as Record<string, unknown>
    if (typeof pattern !== "string" || typeof reason !== "string" || pattern === "" || reason === "") return []
    try {
      const toolNames = Array.isArray(tools) ? tools.filter((tool): tool is string => typeof tool === "string") : []
      return [{ tools: toolNames, pattern: new RegExp(pattern), reason }]
    } catch {
      return []
    }
  })
}
