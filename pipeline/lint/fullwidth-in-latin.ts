/**
 * `fullwidth-in-latin`: full-width letters, digits or punctuation (`Ａ１，：（`), the
 * ideographic space, `。` or `、` in English (or other Latin-script) text, typed with a
 * Chinese input method still on. A Chinese name quoted in the English text keeps its marks.
 */
import { han, isLatinScript, report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'

const fullWidthForm = /[\uFF01-\uFF5E\u3000\u3001\u3002]/g

/** The ASCII character a full-width form stands for. */
function halfWidth(character: string): string {
  if (character === '\u3000') return ' '
  if (character === '\u3001') return ','
  if (character === '\u3002') return '.'
  return String.fromCharCode(character.charCodeAt(0) - 0xfee0)
}

export const fullwidthInLatin: LintRule = {
  id: 'fullwidth-in-latin',
  severity: 'error',
  fixable: true,
  check(target) {
    if (!isLatinScript(target.lang) || !target.tree) return
    for (const run of proseRuns(target.text, target.tree)) {
      for (const found of run.text.matchAll(fullWidthForm)) {
        const character = found[0]
        const index = found.index
        const letterOrDigit = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(character)
        // Punctuation right after Han text belongs to the Chinese words it follows.
        if (!letterOrDigit && (han.test(run.text[index - 1] ?? '') || han.test(run.text[index + 1] ?? ''))) continue
        const ascii = halfWidth(character)
        const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        report(
          target,
          this,
          `Unexpected full-width \`${character}\` (U+${code}) in ${target.lang} text, expected ${ascii === ' ' ? 'a space' : `\`${ascii}\``}`,
          run.at(index),
          run.at(index + 1),
          ascii
        )
      }
    }
  }
}
