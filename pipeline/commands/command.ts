/** What a `charter` sub-command is: its name, its flags (commands/flags.ts) and what it does. */
import type { Printer } from '../browser/printer.js'
import type { FlagSet } from './flags.js'
import { flagsHelp } from './flags.js'

export interface CommandIO {
  signal: AbortSignal
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** An open browser to print with (see MainIO in cli.ts). */
  printer?: Printer
}

export interface Command {
  name: string
  /** One line for `charter help`. */
  summary: string
  /** Its arguments besides flags, as the usage line shows them (`[DIR]`), with a line each of help. */
  arguments?: { usage: string; help: string }
  flags: FlagSet
  /** What the help says after the flags. */
  notes?: string
  /** Runs the command; resolves to the exit code. */
  run(args: string[], io: CommandIO): Promise<number>
}

/** `charter <name> --help`. */
export function commandHelp(command: Command): string {
  const usage = `Usage: charter ${command.name} [options]${command.arguments ? ` ${command.arguments.usage}` : ''}`
  const parts = [usage, `${command.summary}.`]
  if (command.arguments) parts.push(`Arguments:\n${command.arguments.help}`)
  parts.push(`Options:\n${flagsHelp(command.flags)}`)
  if (command.notes) parts.push(command.notes)
  return parts.join('\n\n') + '\n'
}
