import { closeSync, readSync } from "node:fs"
import { openRegularFile } from "./regular-file.js"

const chunkSize = 1 << 20
const newline = 0x0a

/**
 * Chunk buffers not in use, kept for the next file: a fresh megabyte per file made the kernel
 * fault in new pages on every read and V8 collect garbage for the memory it reported (a parse
 * worker spent about a sixth of its time on both). A buffer is taken for one file at a time, so
 * an `onLine` that reads another file gets a buffer of its own.
 */
const idleChunks: Array<Buffer> = []

/**
 * Calls `onLine` with every line of a file, as a Buffer without its newline, until it returns
 * "stop". Reads fixed-size chunks, so memory stays flat however large the file; a line longer
 * than a chunk is joined from its pieces (a 10 MB line costs 10 MB, once). A line's bytes are
 * reused once `onLine` returns: copy what must outlive the call. Only a regular file is read:
 * anything else throws before blocking (see openRegularFile).
 */
export const forEachLine = (path: string, onLine: (line: Buffer) => void | "stop"): void => {
  const fd = openRegularFile(path)
  const chunk = idleChunks.pop() ?? Buffer.allocUnsafe(chunkSize)
  try {
    let carried: Array<Buffer> = []
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkSize, null)
      if (read === 0) break
      let start = 0
      for (let end = chunk.indexOf(newline, 0); end !== -1 && end < read; end = chunk.indexOf(newline, start)) {
        const piece = chunk.subarray(start, end)
        const line = carried.length === 0 ? piece : Buffer.concat([...carried, piece])
        carried = []
        if (onLine(line) === "stop") return
        start = end + 1
      }
      // The chunk buffer is reused, so a partial line must be copied out of it.
      if (start < read) carried.push(Buffer.from(chunk.subarray(start, read)))
    }
    if (carried.length > 0) onLine(Buffer.concat(carried))
  } finally {
    idleChunks.push(chunk)
    closeSync(fd)
  }
}
