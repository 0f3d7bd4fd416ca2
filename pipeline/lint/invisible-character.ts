/**
 * `invisible-character`: a character that prints nothing or is not text at all, wherever it
 * would reach an edition: the prose of a language file (a character reference such as
 * `&#x200B;` counts as the character it prints), the labels of its front matter and the
 * values of publication.yaml. A zero-width space splits the word for whoever copies or
 * searches the text (`Hong<U+200B>Kong` is found by neither `Hong Kong` nor `HongKong`), a
 * direction control turns the text around, and a control character or noncharacter makes
 * the e-book invalid. Fixed in the prose by taking it out. Names: the `signatories` rule.
 */
import { report, type LintRule } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'
import { findUnprintable, type Unprintable } from './unprintable.js'
import { frontMatterStrings, rawOffset, yamlStrings } from './yaml-strings.js'

export const invisibleCharacter: LintRule = {
  id: 'invisible-character',
  severity: 'error',
  fixable: true,
  check(target) {
    if (target.kind === 'signatories') return
    if (target.tree) {
      for (const run of proseRuns(target.text, target.tree, { masked: false })) {
        for (const found of findUnprintable(run.text)) {
          // A lost character cannot be mended by taking its mark out.
          const fix = found.character === '\uFFFD' ? undefined : ''
          report(target, this, reason(found), run.at(found.index), run.at(found.index + found.character.length), fix)
        }
      }
    }
    const strings = target.kind === 'markdown' ? frontMatterStrings(target.text, target.tree) : yamlStrings(target.text)
    for (const string of strings) {
      for (const found of findUnprintable(string.value, /[\t\n\r]/)) {
        const start = rawOffset(string, found.character)
        report(target, this, reason(found), start, start + 1)
      }
    }
  }
}

function reason(found: Unprintable): string {
  return `Unexpected ${found.label}: ${found.why}`
}
