/**
 * Runs the `charter` command line in the test's own process, for input that must be refused
 * before anything is printed: the build gets a printer that fails the test if it is asked to
 * print, so no browser is started for it, and the exit code and messages are main()'s own.
 */
import { Writable } from 'node:stream'
import { main } from '../../pipeline/cli.js'
import type { Printer } from '../../pipeline/browser/printer.js'
import type { RunResult } from './run.js'

/** A printer for builds that must never print. */
const refusingPrinter: Printer = {
  print: async () => {
    throw new Error('This build was meant to be refused before printing, and it printed')
  },
  screenshots: async () => {
    throw new Error('This build was meant to be refused before printing, and it captured a page')
  },
  close: async () => undefined
}

/** `charter ...args` run by main() in `cwd` (default: here), with `env` added to the environment. */
export async function runRefused(args: string[], { cwd, env = {} }: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const sink = (write: (text: string) => void) => new Writable({ write(chunk, _encoding, done) { write(String(chunk)); done() } })
  const before = process.cwd()
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  if (cwd) process.chdir(cwd)
  try {
    const code = await main(args, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)), printer: refusingPrinter })
    return { code, stdout, stderr }
  } finally {
    process.chdir(before)
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}
