/**
 * `invisible-character`: a character that prints nothing in the prose of any language file
 * (zero-width space, word joiner, soft hyphen, a direction mark or control, a byte order
 * mark inside the text). It still splits the word for whoever copies or searches the text
 * (`Hong<U+200B>Kong` is found by neither `Hong Kong` nor `HongKong`), and a direction
 * control turns the text around. Fixed by taking it out. signatories.yaml refuses them too.
 */
import { report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'

const invisible = /[\u00AD\u200B\u200E\u200F\u2060\u202A-\u202E\u2066-\u2069\uFEFF]/gu
const names: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space'
}

export const invisibleCharacter: LintRule = {
  id: 'invisible-character',
  severity: 'error',
  fixable: true,
  check(target) {
    if (!target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      for (const found of run.text.matchAll(invisible)) {
        const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        const reason = `Unexpected invisible character U+${code} (${names[found[0]] ?? 'direction control'}): it prints nothing, but splits the word for copying and search`
        report(target, this, reason, run.offset + found.index, run.offset + found.index + 1, '')
      }
    }
  }
}
