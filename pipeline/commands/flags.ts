/**
 * A command's flags, each declared once: how it reads in `--help`, and its zod schema,
 * which validates it, converts it and gives its default. Parsing, the help text and the
 * options' type all come from that one declaration.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { UsageError } from '../errors.js'

/** One flag: `--kebab-case` on the command line, camelCase in the options. */
export interface Flag<Schema extends z.ZodType = z.ZodType> {
  /** What its value looks like in the help (`DIR`, `a4|letter`); none for a switch. */
  value?: string
  /** One line for the help, defaults included. */
  help: string
  schema: Schema
}

export type FlagSet = Record<string, Flag>

/** The object schema of a flag set: each flag's schema under its camelCase name. */
export function flagsSchema<Flags extends FlagSet>(flags: Flags): z.ZodObject<{ [Name in keyof Flags]: Flags[Name]['schema'] }> {
  const shape = Object.fromEntries(Object.entries(flags).map(([name, declared]) => [name, declared.schema]))
  return z.object(shape) as z.ZodObject<{ [Name in keyof Flags]: Flags[Name]['schema'] }>
}

/** Every command takes it: a fault is shown in full, stack and all. */
const debugFlag: Flag = { help: 'show the full error when something fails', schema: z.boolean().optional() }

/** The help's lines for `flags` (and --debug), aligned: `  --source DIR          source folder (default: source)`. */
export function flagsHelp(flags: FlagSet): string {
  const rows = Object.entries({ ...flags, debug: debugFlag }).map(([name, declared]) => [`--${kebab(name)}${declared.value ? ` ${declared.value}` : ''}`, declared.help])
  const width = Math.max(...rows.map(([left]) => left.length)) + 2
  return rows.map(([left, help]) => `  ${left.padEnd(width)}${help}`).join('\n')
}

/**
 * Parses `args` by `flags` and validates them with `schema` (the flags' schema, refined),
 * taking at most `positionals` arguments that are not flags. Throws UsageError, with `help`.
 */
export function parseFlags<Schema extends z.ZodType>(
  args: string[],
  flags: FlagSet,
  schema: Schema,
  help: string,
  positionals = 0
): { options: z.infer<Schema>; positionals: string[] } {
  const spec = Object.fromEntries(Object.entries({ ...flags, debug: debugFlag }).map(([name, declared]) => [kebab(name), { type: declared.value ? ('string' as const) : ('boolean' as const) }]))
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: negativeValuesJoined(args, spec), options: spec, allowPositionals: positionals > 0, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${help}`)
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument '${parsed.positionals[positionals]}'.\n\n${help}`)
  const { debug: _debug, ...values } = parsed.values
  const camel = Object.fromEntries(Object.entries(values).map(([name, value]) => [name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), value]))
  const result = schema.safeParse(camel)
  if (result.success) return { options: result.data, positionals: parsed.positionals }
  const issue = result.error.issues[0]
  throw new UsageError(`--${kebab(String(issue.path[0] ?? ''))}: ${issue.message}\n\n${help}`)
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/**
 * `--creep -1` as `--creep=-1`: parseArgs reads a value starting with a dash as an option and
 * answered with advice about '--creep=-XYZ'; joined, the option's own check says what it takes.
 */
function negativeValuesJoined(args: string[], spec: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const joined: string[] = []
  for (let index = 0; index < args.length; index++) {
    const name = /^--([\w-]+)$/.exec(args[index])?.[1]
    if (name && spec[name]?.type === 'string' && /^-\d/.test(args[index + 1] ?? '')) joined.push(`${args[index]}=${args[++index]}`)
    else joined.push(args[index])
  }
  return joined
}
