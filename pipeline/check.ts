/**
 * `charter check`, as stages: read the source, load the Document (which reports the
 * alignment rules), run the lint rules; with `fix`, mend what they mark fixable and look
 * again, until nothing fixable is left.
 */
import type { VFile } from 'vfile'
import type { CheckOptions } from './commands/check-options.js'
import { applyEdits, fixesOf, replaceFile } from './lint/apply-fixes.js'
import { lintSource } from './lint/index.js'
import { loadDocument } from './source/load-document.js'
import { readSource } from './source/read-source.js'

export interface CheckResult {
  /** The source files with their messages, after any fixing, for the reporter. */
  files: VFile[]
  /** How many places were fixed in each file (only with `fix`). */
  fixed: Map<string, number>
}

/** A fix can make room for another (overlapping fixes wait a pass); a few passes settle it. */
const maxPasses = 5

export async function check(options: CheckOptions): Promise<CheckResult> {
  const fixed = new Map<string, number>()
  for (let pass = 1; ; pass++) {
    const source = await readSource(options.source)
    loadDocument(source)
    await lintSource(source)
    const edits = options.fix ? source.files.map((file) => [file, fixesOf(file)] as const).filter(([, list]) => list.length > 0) : []
    if (edits.length === 0 || pass > maxPasses) return { files: source.files, fixed }
    for (const [file, list] of edits) {
      await replaceFile(file.path, (file.data.byteOrderMark ? '\uFEFF' : '') + applyEdits(String(file.value), list))
      fixed.set(file.path, (fixed.get(file.path) ?? 0) + list.length)
    }
  }
}
