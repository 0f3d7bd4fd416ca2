/** `charter build`: every edition from the source folder into the output folder. */
import { reporter } from 'vfile-reporter'
import { build } from '../build.js'
import { buildOptionsSchema } from '../build-options.js'
import { takeLintWarnings } from '../lint/warning-summary.js'
import { parseCommandLine, type Command } from './command.js'

export const buildCommand: Command = {
  name: 'build',
  summary: 'Make every edition from the source folder into the output folder',
  usage: `Options:
  --source DIR          source folder (default: source)
  --out DIR             output folder (default: dist)
  --paper a4|letter     paper for the printed editions (default: from publication.yaml)
  --duplex long|short   booklet: the edge your printer flips on (default: long)
  --creep MM            booklet: shift pages toward the fold, per sheet (default: 0)
  --marks               booklet: print fold and trim marks
  --manual-duplex       booklet: also write fronts and backs as two files
  --blank-rows N        signing sheet: rows to sign in (default: fill the last page)
  --signatories FILE    signing sheet: another signatory list
  --contact             signing sheet: add a contact column (see README before you do)
  --include-private     signing sheet: include signatories marked public: false
  --debug               show the full error when something fails`,
  async run(args, { signal, stdout, stderr }) {
    const options = parseCommandLine(args, buildOptionsSchema, {
      source: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      duplex: { type: 'string' },
      creep: { type: 'string' },
      marks: { type: 'boolean' },
      'manual-duplex': { type: 'boolean' },
      'blank-rows': { type: 'string' },
      signatories: { type: 'string' },
      contact: { type: 'boolean' },
      'include-private': { type: 'boolean' }
    }, this)
    const started = performance.now()
    const result = await build({ ...options, signal })
    // Text warnings are named in one line per file; errors show in full, so what stopped
    // a build is not lost among the kept slips.
    const warnings = takeLintWarnings(result.files)
    const report = reporter(result.files, { quiet: true })
    if (report) stderr.write(report + '\n')
    if (warnings.length > 0) {
      const command = options.source === 'source' ? 'npx charter check' : `npx charter check --source ${options.source}`
      stderr.write(`${warnings.join('\n')}\n\`${command}\` shows where.\n`)
    }
    if (!result.manifest) return 1
    for (const entry of result.manifest) {
      const pages = entry.pages === null ? '' : `, ${entry.pages} pages`
      stdout.write(`  ${entry.file}  (${(entry.bytes / 1024).toFixed(0)} kB${pages})\n`)
    }
    stdout.write(`Built ${result.manifest.length} files into ${options.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return 0
  }
}
