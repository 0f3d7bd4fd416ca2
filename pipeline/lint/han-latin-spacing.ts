/**
 * `han-latin-spacing`: one policy for the space between Han characters and Latin letters
 * or digits in Chinese text, set in publication.yaml (`check: { han-latin-spacing: ... }`):
 * `never` (the default) wants no typed space: one is uneven (some typists put it, some do
 * not) and is copied into the text a reader searches (`1980 年代` for `1980年代`); `always`
 * wants a typed space; `off` does not look.
 */
import { isChinese, report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'

const spaced = /(?<=\p{Script=Han})[ \t]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \t]+(?=\p{Script=Han})/gu
const touching = /(?<=\p{Script=Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=\p{Script=Han})/gu

export const hanLatinSpacing: LintRule = {
  id: 'han-latin-spacing',
  severity: 'warning',
  fixable: true,
  check(target) {
    const policy = target.settings['han-latin-spacing']
    if (policy === 'off' || !isChinese(target.lang) || !target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      const at = run.at
      if (policy === 'never') {
        for (const found of run.text.matchAll(spaced)) {
          const reason = 'Unexpected typed space between Han and Latin text: spacing is left to the page (`han-latin-spacing: never`)'
          report(target, this, reason, at(found.index), at(found.index + found[0].length), '')
        }
      } else {
        for (const found of run.text.matchAll(touching)) {
          const reason = 'Expected a space between Han and Latin text (`han-latin-spacing: always`)'
          report(target, this, reason, at(found.index), at(found.index), ' ')
        }
      }
    }
  }
}
