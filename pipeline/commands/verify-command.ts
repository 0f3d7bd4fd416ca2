/** `charter verify [DIR]`: checks a folder of editions against its manifest.json. */
import { stat } from 'node:fs/promises'
import { z } from 'zod'
import { UsageError } from '../errors.js'
import { commandHelp, type Command } from './command.js'
import { parseFlags } from './flags.js'

const words = {
  missing: 'missing: listed in manifest.json, but not in the folder',
  changed: 'changed: not the file the build made (its sha256 differs)',
  link: 'a link: the folder holds a link to a file elsewhere, not the file',
  extra: 'extra: in the folder, but not in manifest.json',
  unfinished: 'unfinished: a build was stopped while it wrote this folder; build again to finish'
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a folder of editions (or a copy you were sent) against its manifest.json',
  arguments: { usage: '[DIR]', help: '  DIR        the folder to check (default: dist)' },
  flags: {},
  notes: `Every file manifest.json lists must be in the folder with its size and sha256, and
nothing else may be beside them. Exit code 0 when the folder is exactly what a build
wrote, 1 when it is not.`,
  async run(args, { stdout, stderr }) {
    const { positionals } = parseFlags(args, {}, z.object({}), commandHelp(this), 1)
    const folder = positionals[0] ?? 'dist'
    if (!(await stat(folder).catch(() => undefined))?.isDirectory()) throw new UsageError(`No folder at ${folder}: give the folder that holds manifest.json, such as dist.`)
    const { verifyOutput } = await import('../output/verify.js')
    const result = await verifyOutput(folder)
    if (result.listed === undefined) {
      stderr.write(`charter: ${folder} has no manifest.json that charter wrote: it cannot be checked.\n`)
      return 1
    }
    if (result.problems.length === 0) {
      stdout.write(`${folder}: all ${result.listed} files are as manifest.json lists them, and nothing else is there.\n`)
      return 0
    }
    const lines = result.problems.map((problem) => `  ${problem.file}  ${words[problem.kind]}`)
    stderr.write(`${folder} is not as manifest.json lists it:\n${lines.join('\n')}\n`)
    return 1
  }
}
