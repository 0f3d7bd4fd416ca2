/**
 * Ends the browser's whole process tree at once, and waits until its processes are gone: on
 * Linux and macOS by killing its process group, on Windows (which has no process groups,
 * and where `process.kill(-pid)` throws) with `taskkill /T /F`, which ends a process and
 * every process it started.
 */
import { execFile } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'

/** How the tree is ended, given for the tests: the platform, and what runs taskkill. */
export interface Killer {
  platform: NodeJS.Platform
  /** Runs `taskkill` with `args` and resolves when it is done (Windows). */
  taskkill: (args: string[]) => Promise<void>
  /** Sends `signal` to process (or, negative, group) `pid` (elsewhere). */
  kill: (pid: number, signal: NodeJS.Signals) => void
}

const machine: Killer = {
  platform: process.platform,
  taskkill: (args) => new Promise((resolve) => execFile('taskkill', args, { windowsHide: true, timeout: 10_000 }, () => resolve())),
  kill: (pid, signal) => process.kill(pid, signal)
}

/**
 * Kills the tree `child` leads (Chromium and its helpers) and resolves once the leader has
 * exited and no live process of the group is left (or after half a second).
 */
export async function killProcessGroup(child: ChildProcess | null, killer: Killer = machine): Promise<void> {
  const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined
  if (child?.pid) {
    if (killer.platform === 'win32') {
      await killer.taskkill(['/pid', String(child.pid), '/T', '/F'])
      // taskkill failed (the process had just ended, or is not ours to end): end the leader at least.
      if (child.exitCode === null && child.signalCode === null) child.kill()
    } else {
      try {
        killer.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
  await exited
  // The group's other processes die a moment after its leader; one still writing while
  // the scratch folder is removed left it behind (seen once in a full test run on a busy machine).
  if (child?.pid && killer.platform === 'linux') await groupGone(child.pid, 500)
}

/**
 * Resolves when no live process of group `id` is left, or after `limit` ms. Read from /proc
 * (Linux): a killed process stays a zombie until reaped, which some containers do late,
 * and a zombie writes nothing. Elsewhere it resolves at once.
 */
async function groupGone(id: number, limit: number): Promise<void> {
  const until = performance.now() + limit
  while (performance.now() < until) {
    let alive = false
    try {
      for (const pid of await readdir('/proc')) {
        if (!/^\d+$/.test(pid)) continue
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        if (Number(fields[2]) === id && fields[0] !== 'Z' && fields[0] !== 'X') {
          alive = true
          break
        }
      }
    } catch {
      return
    }
    if (!alive) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
