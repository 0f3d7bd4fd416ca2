/**
 * `stray-space`: a gap a reader sees where none was meant, in the prose of any language
 * file: two spaces in a row (a no-break space beside a space counts), which print as a
 * double gap; and, in Chinese, a space after full-width punctuation (`、 人權`), whose mark
 * holds its own space. Fixed by taking the extra space out.
 */
import { isChinese, report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'

/** The second of two spaces (or no-break spaces) in a row. */
const doubled = /(?<=[ \u00A0])[ \u00A0]+/gu
/** Spaces after a full-width mark that ends or separates (not after an opening one). */
const afterMark = /(?<=[、，。；：？！」』）》〉】])[ \u00A0\u3000]+(?=\S)/gu

export const straySpace: LintRule = {
  id: 'stray-space',
  severity: 'warning',
  fixable: true,
  check(target) {
    if (!target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      const at = run.at
      for (const found of run.text.matchAll(doubled)) {
        report(target, this, 'Unexpected second space: two in a row print as a double gap', at(found.index), at(found.index + found[0].length), '')
      }
      if (!isChinese(target.lang)) continue
      for (const found of run.text.matchAll(afterMark)) {
        report(target, this, 'Unexpected space after full-width punctuation: the mark holds its own space', at(found.index), at(found.index + found[0].length), '')
      }
    }
  }
}
