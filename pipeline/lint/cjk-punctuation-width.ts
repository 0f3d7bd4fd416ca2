/**
 * `cjk-punctuation-width`: ASCII `, ; : ? ! ( )` in Chinese text, where the full-width
 * `，；：？！（）` belong (the seed lost them in extraction). A mark counts as Chinese when
 * the text next to it is, so `1,000`, `3:00` and English words keep theirs. A `.` ends a
 * Chinese sentence only straight after a Chinese character and before a space, more Chinese
 * or the end (`內部角力.` → `內部角力。`): `2.5`, `U.S.` and `...` (cjk-ellipsis-dash's) stay.
 */
import { cjk, isChinese, report, type LintRule } from './lint-rule.js'
import { after, before, proseRuns } from './prose-runs.js'

const fullWidth: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

export const cjkPunctuationWidth: LintRule = {
  id: 'cjk-punctuation-width',
  severity: 'error',
  fixable: true,
  check(target) {
    if (!isChinese(target.lang) || !target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      for (const found of run.text.matchAll(/\\?([,;:?!()])/g)) {
        const mark = found[1]
        const index = found.index
        const end = index + found[0].length
        const previous = before(run.text, index)
        const next = after(run.text, end)
        // An opening bracket belongs to what follows it, a closing one to what precedes it.
        const chinese =
          mark === '(' ? isCjk(next) : mark === ')' ? isCjk(previous) : isCjk(previous) || isCjk(next)
        if (!chinese) continue
        report(
          target,
          this,
          `Unexpected ASCII \`${mark}\` in Chinese text, expected the full-width \`${fullWidth[mark]}\``,
          run.at(index),
          run.at(end),
          fullWidth[mark]
        )
      }
      for (const found of run.text.matchAll(/(?<!\.)\.(?!\.)/g)) {
        const next = after(run.text, found.index + 1)
        if (!isCjk(before(run.text, found.index)) || (next !== undefined && !/\s/.test(next) && !isCjk(next))) continue
        report(
          target,
          this,
          'Unexpected ASCII `.` ending Chinese text, expected the full stop `。`',
          run.at(found.index),
          run.at(found.index + 1),
          '。'
        )
      }
    }
  }
}

function isCjk(character: string | undefined): boolean {
  return character !== undefined && cjk.test(character)
}
