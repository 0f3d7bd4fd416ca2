/** `charter build`: every edition from the source folder into the output folder. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ManifestEntry } from '../output/write-output.js'
import { buildFlags, buildOptionsSchema } from '../build-options.js'
import { commandHelp, type Command } from './command.js'
import { parseFlags } from './flags.js'
import { reportProblems, useColor } from './report.js'

export const buildCommand: Command = {
  name: 'build',
  summary: 'Make every edition from the source folder into the output folder',
  flags: buildFlags,
  async run(args, { signal, stdout, stderr, printer }) {
    const { options } = parseFlags(args, buildFlags, buildOptionsSchema, commandHelp(this))
    const started = performance.now()
    // Progress lines only for a person watching: not when piped, logged or in CI.
    const watching = options.progress ?? (Boolean((stderr as NodeJS.WriteStream).isTTY) && !process.env.CI)
    const onProgress = watching ? (step: string, ms: number) => stderr.write(`  ${step.padEnd(14)}${(ms / 1000).toFixed(1)} s\n`) : undefined
    // The pipeline loads only when the command runs: `charter --help` stays quick.
    const [{ build }, { takeLintWarnings }] = await Promise.all([import('../build.js'), import('../lint/warning-summary.js')])
    const result = await build({ ...options, signal, onProgress, printer })
    // Text warnings are named in one line per file; errors show in full, so what stopped
    // a build is not lost among the kept slips.
    const warnings = takeLintWarnings(result.files)
    const report = reportProblems(result.files, { color: useColor(stderr) })
    if (report) stderr.write(report + '\n')
    if (warnings.length > 0) {
      const command = options.source === 'source' ? 'npx charter check' : `npx charter check --source ${options.source}`
      stderr.write(`${warnings.join('\n')}\n\`${command}\` shows where.\n`)
    }
    if (!result.manifest) return 1
    if (options.json) {
      // The manifest.json just written, as it is: a script reads the same as a reader of the folder.
      stdout.write(await readFile(path.join(options.out, 'manifest.json'), 'utf8'))
      return 0
    }
    stdout.write(summarize(result.manifest))
    stdout.write(`Built ${result.manifest.length} ${result.manifest.length === 1 ? 'file' : 'files'} into ${options.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return 0
  }
}

/** One line per file written; files in a sub-folder (the web edition's fonts) as one line per folder. */
function summarize(manifest: ManifestEntry[]): string {
  const lines: string[] = []
  const folders = new Map<string, { files: number; bytes: number }>()
  for (const entry of manifest) {
    const slash = entry.file.lastIndexOf('/')
    const folder = slash > 0 && !entry.file.endsWith('.html') ? entry.file.slice(0, slash + 1) : undefined
    if (folder) {
      const seen = folders.get(folder)
      if (!seen) lines.push(folder)
      folders.set(folder, { files: (seen?.files ?? 0) + 1, bytes: (seen?.bytes ?? 0) + entry.bytes })
      continue
    }
    const pages = entry.pages === null ? '' : `, ${entry.pages} ${entry.pages === 1 ? 'page' : 'pages'}`
    lines.push(`  ${entry.file}  (${kilobytes(entry.bytes)}${pages})`)
  }
  return (
    lines
      .map((line) => {
        const folder = folders.get(line)
        return folder ? `  ${line}  (${folder.files} files, ${kilobytes(folder.bytes)})` : line
      })
      .join('\n') + '\n'
  )
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`
}
