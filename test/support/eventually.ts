const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Reads until `done` holds or the time is up, and returns the last value read (for the assertion). */
export const eventually = async <A>(read: () => A, done: (value: A) => boolean, timeoutMs = 8_000): Promise<A> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (done(value) || Date.now() > deadline) return value
    await sleep(150)
  }
}
