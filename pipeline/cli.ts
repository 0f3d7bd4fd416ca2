/**
 * The `charter` command line: finds the sub-command, runs it with an AbortSignal tied to
 * Ctrl-C, and returns the exit code. A mistake in the text or on the command line is a
 * message and exit 1, never a stack trace (unless --debug).
 */
import type { Printer } from './browser/printer.js'
import { commandHelp } from './commands/command.js'
import { commands } from './commands/index.js'
import { CharterError, UsageError } from './errors.js'

/** For the benchmark (test/bench/), which times a bare start of the browser a build would use. */
export { findBrowser } from './browser/find-browser.js'

/** Where `charter` writes, and a browser it may print with. */
export interface MainIO {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** An open browser for `charter build` to print with instead of starting its own (the tests give one that refuses to print). */
  printer?: Printer
}

/** charter's version, from package.json (the bundle is made with it: bin/bundle.mjs). */
declare const CHARTER_VERSION: string
const version = typeof CHARTER_VERSION === 'string' ? CHARTER_VERSION : 'development'

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`)
  return `Usage: charter <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`charter <command> --help\` for its options, \`charter --version\` for the version.\n`
}

/** Runs `charter` with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], { stdout, stderr, printer }: MainIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const debug = argv.includes('--debug')
  const controller = new AbortController()
  // The exit code says which signal stopped the build, as a shell's would: 128 + its number.
  let stoppedBy = 130
  const stopper = (code: number) => () => {
    stoppedBy = code
    controller.abort()
  }
  const stop = stopper(130)
  const terminate = stopper(143)
  // The terminal closed: a build left running would print into nothing, and puppeteer
  // closes the browser on SIGHUP, which failed the build 30 s later as a fault.
  const hangUp = stopper(129)
  process.once('SIGINT', stop)
  process.once('SIGTERM', terminate)
  process.once('SIGHUP', hangUp)
  try {
    const [name, ...rest] = argv
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      stdout.write(usage())
      return 0
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      stdout.write(`${version}\n`)
      return 0
    }
    const command = commands.find((candidate) => candidate.name === name)
    if (!command) throw new UsageError(`Unknown command "${name}".\n\n${usage()}`)
    if (rest.includes('--help') || rest.includes('-h')) {
      stdout.write(commandHelp(command))
      return 0
    }
    return await command.run(rest, { signal: controller.signal, stdout, stderr, printer })
  } catch (error) {
    if (controller.signal.aborted && !debug) {
      stderr.write('charter: stopped before the end; nothing was written.\n')
      return stoppedBy
    }
    if (error instanceof CharterError && !debug) {
      stderr.write(`charter: ${error.message}\n`)
      return 1
    }
    stderr.write(`charter: ${debug ? (error as Error).stack : (error as Error).message}\n`)
    if (!debug) stderr.write('This is a fault in charter, not in your text. Run again with --debug and report what it prints.\n')
    return debug ? 1 : 2
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', terminate)
    process.off('SIGHUP', hangUp)
  }
}
