/**
 * What makes a memory file look like it holds a secret, so it stays on this machine until the
 * user allows it. No maintained JavaScript detector is small enough to ship in a hook-side CLI,
 * so this is a short list of formats that are unmistakable (a prefix or header no prose has);
 * the README lists them.
 */
const secretPatterns: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp }> = [
  { kind: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: "AWS access key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { kind: "GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { kind: "Anthropic or OpenAI API key", pattern: /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}\b/ },
  { kind: "Stripe key", pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/ },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: "MotherDuck or JWT token", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
]

/** The kind of the first secret-looking thing in `content`, if any. */
export const secretKindIn = (content: string): string | undefined => secretPatterns.find(({ pattern }) => pattern.test(content))?.kind
