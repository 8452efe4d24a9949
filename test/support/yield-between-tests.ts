import { afterEach, beforeEach } from "vitest"

/**
 * Most CLI tests spawn the built bin synchronously, which blocks this worker's event loop. Vitest's
 * worker talks to the runner over an RPC with a fixed 60 s timeout, and a reply sitting unread
 * behind a long blocked stretch times out even though it arrived ("Timeout calling onTaskUpdate":
 * every test passes, the run fails). Yielding to the event loop around each test lets the
 * replies be read, so only a single test longer than that could still block that long.
 */
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
beforeEach(turnOfTheEventLoop)
afterEach(turnOfTheEventLoop)
