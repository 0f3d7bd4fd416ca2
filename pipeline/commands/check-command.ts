/** `charter check`: every rule over the source text, with `--fix` for the safe mends. */
import { checkFlags, checkOptionsSchema } from './check-options.js'
import { commandHelp, type Command } from './command.js'
import { parseFlags } from './flags.js'
import { jsonReport, reportProblems, useColor } from './report.js'

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the text (punctuation, quotes, spacing, fonts, signatories) without building',
  flags: checkFlags,
  notes: `Exit code 0 when the text has no errors, 1 when it has (or, with --frail, any warning).
The rules and the publication.yaml setting \`check: { han-latin-spacing: never }\` are in the README.`,
  async run(args, { stdout, stderr }) {
    const { options } = parseFlags(args, checkFlags, checkOptionsSchema, commandHelp(this))
    // The rules and their libraries load only when the command runs: `charter --help` stays quick.
    const [{ check }, { failed }] = await Promise.all([import('../check.js'), import('../lint/index.js')])
    const result = await check(options)
    for (const [file, count] of result.fixed) stdout.write(`Fixed ${count} ${count === 1 ? 'place' : 'places'} in ${file}\n`)
    if (options.format === 'json') {
      stdout.write(`${await jsonReport(result.files)}\n`)
    } else {
      const report = reportProblems(result.files, { color: useColor(stderr) })
      if (report) stderr.write(report + '\n')
    }
    return failed(result.files, options.frail) ? 1 : 0
  }
}
