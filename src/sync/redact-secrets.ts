/**
 * Removes MotherDuck tokens from text that may be shown or logged: any `motherduck_token=…`
 * (as in a connection string) and the literal values of the token environment variables.
 */
export const redactSecrets = (text: string, env: NodeJS.ProcessEnv = process.env): string => {
  let redacted = text.replace(/(motherduck_token\s*[=:]\s*)[^\s&'";,)]+/gi, "$1***")
  for (const name of ["motherduck_token", "MOTHERDUCK_TOKEN"]) {
    const value = env[name]?.trim()
    if (value && value.length >= 8) redacted = redacted.split(value).join("***")
  }
  return redacted
}
