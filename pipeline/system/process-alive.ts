/** Whether a process is running, for telling a killed build's leftovers from a running build's files. */

/** Whether process `pid` exists (one of another user's counts). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
