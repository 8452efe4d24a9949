import { readFileSync } from "node:fs"
import { homedir } from "node:os"
import { join } from "node:path"

export interface MotherDuckToken {
  readonly token: string
  /** Where it came from, for messages (never the token itself). */
  readonly source: "motherduck_token" | "MOTHERDUCK_TOKEN" | "token file"
}

export const tokenFilePath = (env: NodeJS.ProcessEnv): string => join(env.HOME ?? homedir(), ".config", "motherduck", "token")

export const tokenFromFile = (env: NodeJS.ProcessEnv): MotherDuckToken | undefined => {
  try {
    const token = readFileSync(tokenFilePath(env), "utf8").trim()
    return token === "" ? undefined : { token, source: "token file" }
  } catch {
    return undefined
  }
}

/** `motherduck_token`, then `MOTHERDUCK_TOKEN`, then `~/.config/motherduck/token`; whitespace trimmed. */
export const resolveToken = (env: NodeJS.ProcessEnv): MotherDuckToken | undefined => {
  for (const name of ["motherduck_token", "MOTHERDUCK_TOKEN"] as const) {
    const token = env[name]?.trim()
    if (token) return { token, source: name }
  }
  return tokenFromFile(env)
}
