/**
 * The `charter` command line: turns argv into validated options, runs the command,
 * prints messages with vfile-reporter, and returns the exit code. A mistake in the text
 * or on the command line is a message and exit 1, never a stack trace (unless --debug).
 */
import { parseArgs } from 'node:util'
import { reporter } from 'vfile-reporter'
import { build } from './build.js'
import { buildOptionsSchema } from './build-options.js'
import { CharterError, UsageError } from './errors.js'

const usage = `Usage: charter <command> [options]

Commands:
  build     Make every edition from the source folder into the output folder

Options for build:
  --source DIR        source folder (default: source)
  --out DIR           output folder (default: dist)
  --paper a4|letter   paper for the printed editions (default: from publication.yaml)
  --debug             show the full error when something fails
`

/** Runs `charter` with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug')
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    const [command, ...rest] = argv
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(usage)
      return command === undefined ? 1 : 0
    }
    if (command !== 'build') throw new UsageError(`Unknown command "${command}".\n\n${usage}`)
    const { values } = parseFlags(rest, {
      source: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      debug: { type: 'boolean' }
    })
    const options = parseOptions(values)
    const started = performance.now()
    const result = await build({ ...options, signal: controller.signal })
    const report = reporter(result.files, { quiet: true })
    if (report) process.stderr.write(report + '\n')
    if (!result.manifest) return 1
    for (const entry of result.manifest) {
      const pages = entry.pages === null ? '' : `, ${entry.pages} pages`
      process.stdout.write(`  ${entry.file}  (${(entry.bytes / 1024).toFixed(0)} kB${pages})\n`)
    }
    process.stdout.write(`Built ${result.manifest.length} files into ${options.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return 0
  } catch (error) {
    if (error instanceof CharterError && !debug) {
      process.stderr.write(`charter: ${error.message}\n`)
      return 1
    }
    process.stderr.write(`charter: ${debug ? (error as Error).stack : (error as Error).message}\n`)
    if (!debug) process.stderr.write('Run again with --debug to see where it failed.\n')
    return debug ? 1 : 2
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

function parseFlags<T extends NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`)
  }
}

function parseOptions(values: Record<string, unknown>) {
  const result = buildOptionsSchema.safeParse(values)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new UsageError(`--${issue.path.join('.')}: ${issue.message}\n\n${usage}`)
}
