/** What a `charter` sub-command is, and the flag parsing they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { z } from 'zod'
import { UsageError } from '../errors.js'

export interface CommandIO {
  signal: AbortSignal
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export interface Command {
  name: string
  /** One line for `charter help`. */
  summary: string
  /** The options block of `charter <name> --help`. */
  usage: string
  /** Runs the command; resolves to the exit code. */
  run(args: string[], io: CommandIO): Promise<number>
}

type Flags = NonNullable<ParseArgsConfig['options']>

/** Parses `args` with `flags` (kebab-case) and validates them with `schema` (camelCase keys). */
export function parseCommandLine<Schema extends z.ZodType>(
  args: string[],
  schema: Schema,
  flags: Flags,
  command: Pick<Command, 'name' | 'usage'>,
  { positionals: allowed = 0 }: { positionals?: number } = {}
): z.infer<Schema> & { positionals: string[] } {
  const help = `Usage: charter ${command.name} [options]\n\n${command.usage}\n`
  let values: Record<string, unknown>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: negativeValuesJoined(args, flags), options: { ...flags, debug: { type: 'boolean' } }, allowPositionals: allowed > 0, strict: true }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${help}`)
  }
  if (positionals.length > allowed) throw new UsageError(`Unexpected argument '${positionals[allowed]}'.\n\n${help}`)
  delete values.debug
  const camel = Object.fromEntries(Object.entries(values).map(([key, value]) => [key.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), value]))
  const result = schema.safeParse(camel)
  if (result.success) return { ...(result.data as object), positionals } as z.infer<Schema> & { positionals: string[] }
  const issue = result.error.issues[0]
  const flag = String(issue.path[0] ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  throw new UsageError(`--${flag}: ${issue.message}\n\n${help}`)
}

/**
 * `--creep -1` as `--creep=-1`: parseArgs reads a value starting with a dash as an option and
 * answered with advice about '--creep=-XYZ'; joined, the option's own check says what it takes.
 */
function negativeValuesJoined(args: string[], flags: Flags): string[] {
  const joined: string[] = []
  for (let index = 0; index < args.length; index++) {
    const name = /^--([\w-]+)$/.exec(args[index])?.[1]
    if (name && flags[name]?.type === 'string' && /^-\d/.test(args[index + 1] ?? '')) joined.push(`${args[index]}=${args[++index]}`)
    else joined.push(args[index])
  }
  return joined
}
