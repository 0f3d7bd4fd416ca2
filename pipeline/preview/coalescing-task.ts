/**
 * A task that runs one at a time, where asking again during a run means "once more after
 * this one", however many times it is asked: ten saves during a rebuild make one rebuild.
 */

export interface CoalescingTask {
  /** Runs the task now, or once more after the run in progress; resolves when it is idle. */
  run(): Promise<void>
  /** Whether another run was asked for during this one (a long run may stop early for it). */
  readonly pending: boolean
  /** The runs in progress, until the task is idle. */
  readonly current: Promise<void> | undefined
}

/** Wraps `body` (which should not throw: a failed run is reported by the body itself). */
export function coalescingTask(body: () => Promise<void>): CoalescingTask {
  let current: Promise<void> | undefined
  let pending = false
  return {
    run() {
      if (current) {
        pending = true
        return current
      }
      current = (async () => {
        do {
          pending = false
          await body()
        } while (pending)
      })().finally(() => (current = undefined))
      return current
    },
    get pending() {
      return pending
    },
    get current() {
      return current
    }
  }
}
