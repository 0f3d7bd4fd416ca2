/**
 * The report of a source's problems, as `charter check`, `charter build` and the preview
 * print it: vfile-reporter's, with at most 500 messages of one rule in one file and a line
 * saying how many more. A pasted file with ten thousand of one slip is read no better for
 * all of them, and laying them out took the reporter seconds.
 */
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

const perRule = 500

/**
 * Whether a report to `stream` is in colour: FORCE_COLOR (not 0 or false) forces it,
 * NO_COLOR (any value) turns it off (https://no-color.org), else a terminal gets it.
 */
export function useColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return 'isTTY' in stream && stream.isTTY === true
}

/** Every file's findings as JSON, as vfile-reporter-json writes them (each file, even one with none). */
export async function jsonReport(files: VFile[]): Promise<string> {
  const { reporterJson } = await import('vfile-reporter-json')
  return reporterJson(files.map(capped))
}

/** The report of `files` (only files with messages; colour when `color`). */
export function reportProblems(files: VFile[], { color = false }: { color?: boolean } = {}): string {
  return reporter(files.map(capped), { quiet: true, color })
}

/** `file` with at most `perRule` messages of each rule, and a warning for the rest. */
export function capped(file: VFile): VFile {
  const counts = new Map<string, number>()
  const kept: VFile['messages'] = []
  for (const message of file.messages) {
    const rule = message.ruleId ?? ''
    const seen = (counts.get(rule) ?? 0) + 1
    counts.set(rule, seen)
    if (seen <= perRule) kept.push(message)
  }
  if (kept.length === file.messages.length) return file
  const copy = new VFile({ path: file.path, value: file.value })
  copy.messages = kept
  for (const [rule, count] of counts) {
    if (count <= perRule) continue
    const hidden = file.messages.filter((message) => (message.ruleId ?? '') === rule)
    const first = hidden[perRule]
    const place = first.line ? { line: first.line, column: first.column ?? 1 } : undefined
    const more = copy.message(`…and ${new Intl.NumberFormat('en-US').format(count - perRule)} more of the same from here on (\`${rule}\`), not listed`, { place, ruleId: rule, source: 'charter' })
    more.fatal = hidden.some((message) => message.fatal)
  }
  return copy
}
