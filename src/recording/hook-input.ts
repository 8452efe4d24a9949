/** Whether the text read so far is already a whole JSON value, so nothing more need be awaited. */
const isWholeJson = (text: string): boolean => {
  if (!text.trimEnd().endsWith("}")) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Reads a hook's stdin until it ends, until it holds a whole JSON value, or until `deadlineMs`,
 * whichever comes first, and returns what arrived: a writer that keeps the pipe open must not
 * keep the hook waiting past Claude Code's timeout.
 */
export const readHookInput = (stdin: NodeJS.ReadableStream & { destroy(): void }, deadlineMs: number): Promise<string> =>
  new Promise((done) => {
    const chunks: Array<Buffer> = []
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      stdin.removeListener("data", onData)
      // Closing our end lets the process exit even though the writer keeps the pipe open.
      stdin.destroy()
      done(Buffer.concat(chunks).toString("utf8"))
    }
    const onData = (chunk: Buffer | string) => {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk)
      if (isWholeJson(Buffer.concat(chunks).toString("utf8"))) finish()
    }
    const timer = setTimeout(finish, deadlineMs)
    stdin.on("data", onData)
    stdin.once("end", finish)
    stdin.once("error", finish)
  })
