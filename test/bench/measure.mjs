// @ts-check
/**
 * Measuring whole commands for the benchmarks: wall time, and memory sampled from /proc
 * over the process and every process it starts (Chromium's included). Linux only.
 */
import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'

/** Every process descending from `root`, `root` included. */
async function processTree(root) {
  const parents = new Map()
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid) parents.set(Number(name), ppid)
  }
  const tree = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true))
  }
  return [...tree]
}

/**
 * Memory of `pid` in bytes: its proportional share (Pss: shared pages split between the
 * processes sharing them, so that summing over Chromium's processes does not count its
 * libraries ten times) and its peak resident size as the kernel kept it (VmHWM).
 */
async function memoryOf(pid) {
  const [rollup, status] = await Promise.all([
    readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => ''),
    readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  ])
  const kb = (/** @type {RegExp} */ pattern, /** @type {string} */ text) => Number(pattern.exec(text)?.[1] ?? 0) * 1024
  return { share: kb(/^Pss:\s+(\d+) kB/m, rollup), peak: kb(/VmHWM:\s+(\d+) kB/, status) }
}

/**
 * Runs `command ...args` in `cwd` as a fresh process, sampling its process tree's memory
 * every `every` ms; resolves to wall seconds, the summed peak (Pss) and the largest process.
 * @param {string} command
 * @param {string[]} args
 * With `every: 0` no memory is sampled: reading /proc takes CPU from the command timed.
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, every?: number }} [options]
 */
export async function measure(command, args, { cwd, env, every = 100 } = {}) {
  const started = performance.now()
  const child = spawn(command, args, { cwd, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-8000)))
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  let peakTree = 0
  let peakOne = 0
  let done = false
  void exited.then(() => (done = true))
  while (!done && every > 0) {
    const sizes = await Promise.all((await processTree(child.pid ?? 0)).map(memoryOf))
    peakTree = Math.max(peakTree, sizes.reduce((sum, size) => sum + size.share, 0))
    peakOne = Math.max(peakOne, ...sizes.map((size) => size.peak))
    // Sampling more often takes CPU from the command it measures (two cores).
    await new Promise((resolve) => setTimeout(resolve, every))
  }
  const code = await exited
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${errors}`)
  return { seconds: (performance.now() - started) / 1000, peakTree, peakOne, stderr: errors }
}

/** Minimum, median and maximum of `values`. */
export function spread(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { min: sorted[0], median, max: sorted[sorted.length - 1] }
}

/** Bytes as whole megabytes. */
export const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
