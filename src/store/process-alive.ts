// Kept apart from process-lock.ts (which needs Effect) so the launcher's hook paths can use it without loading Effect.
/** Whether a process with this pid runs (EPERM: it does, as another user). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}
