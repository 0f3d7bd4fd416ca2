/**
 * `cjk-enumeration-comma`: 丶 (U+4E36, the radical "dot") typed where the enumeration
 * comma 、 (U+3001) is meant: they look alike in many fonts, and input methods offer both.
 * A warning, since 丶 is a real character; the signed text keeps its slips on purpose.
 */
import { isChinese, report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'

export const cjkEnumerationComma: LintRule = {
  id: 'cjk-enumeration-comma',
  severity: 'warning',
  fixable: true,
  check(target) {
    if (!isChinese(target.lang) || !target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      for (const found of run.text.matchAll(/\u4E36/g)) {
        report(
          target,
          this,
          'Unexpected `丶` (U+4E36, a radical), expected the enumeration comma `、` (U+3001)',
          run.at(found.index),
          run.at(found.index + 1),
          '、'
        )
      }
    }
  }
}
