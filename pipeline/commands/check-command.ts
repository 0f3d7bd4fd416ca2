/** `charter check`: every rule over the source text, with `--fix` for the safe mends. */
import { reporter } from 'vfile-reporter'
import { checkOptionsSchema } from './check-options.js'
import { parseCommandLine, type Command } from './command.js'

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the text (punctuation, quotes, spacing, fonts, signatories) without building',
  usage: `Options:
  --source DIR   source folder (default: source)
  --fix          mend what can be mended safely (full-width punctuation, 、, 「」, ……, ——, spacing), in place
  --frail        fail on warnings too, not only on errors
  --debug        show the full error when something fails

Exit code 0 when the text has no errors, 1 when it has (or, with --frail, any warning).
The rules and the publication.yaml setting \`check: { han-latin-spacing: never }\` are in the README.`,
  async run(args, { stdout, stderr }) {
    const options = parseCommandLine(args, checkOptionsSchema, {
      source: { type: 'string' },
      fix: { type: 'boolean' },
      frail: { type: 'boolean' }
    }, this)
    // The rules and their libraries load only when the command runs: `charter --help` stays quick.
    const [{ check }, { failed }] = await Promise.all([import('../check.js'), import('../lint/index.js')])
    const result = await check(options)
    for (const [file, count] of result.fixed) stdout.write(`Fixed ${count} ${count === 1 ? 'place' : 'places'} in ${file}\n`)
    const report = reporter(result.files, { quiet: true, color: 'isTTY' in stderr && stderr.isTTY === true })
    if (report) stderr.write(report + '\n')
    return failed(result.files, options.frail) ? 1 : 0
  }
}
