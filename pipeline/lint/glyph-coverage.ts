/**
 * `glyph-coverage`: a character that the project's fonts do not contain would print as a
 * box, or in whatever font the printing machine has. Looks at everything that gets printed:
 * a language file's text and front-matter labels (Chinese against the Han face, other
 * languages against the Latin face then the Han face, as the CSS stacks them), the names in
 * the signatory list and publication.yaml's values.
 */
import { fontCoverage } from './font-coverage.js'
import { isChinese, report, type LintRule, type LintTarget } from './lint-rule.js'
import { yamlStrings } from './yaml-strings.js'
import type { FontFace } from '../fonts.js'

/** Characters nothing is drawn for: spaces, controls (the signatories rule's job), format and variation marks. */
const invisible = /[\s\p{Cc}\p{Cf}\uFE00-\uFE0F]/u

export const glyphCoverage: LintRule = {
  id: 'glyph-coverage',
  severity: 'error',
  fixable: false,
  async check(target) {
    const coverage = await fontCoverage()
    const roles: FontFace['role'][] = target.kind === 'markdown' && isChinese(target.lang) ? ['han'] : ['latin', 'han']
    const families = coverage.families(roles).join(' or ')
    // A run of missing characters (a name in a script the fonts lack, say), spaces between
    // them included, is one message: an Arabic name was seven.
    const say = (run: string, start: number) => {
      const characters = [...run].filter((character) => !invisible.test(character))
      const codes = characters.map((character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')
      const reason =
        characters.length === 1
          ? `Character \`${run}\` (${codes}) is not in the project's fonts (${families}): it would print as a box or in another font`
          : `Characters \`${run}\` (${codes}) are not in the project's fonts (${families}): they would print as boxes or in another font`
      report(target, this, reason, start, start + run.length)
    }
    const look = (text: string, offset: number) => {
      let run: { start: number; end: number } | undefined
      let index = 0
      for (const character of text) {
        const codePoint = character.codePointAt(0)!
        const end = index + character.length
        if (!invisible.test(character) && !coverage.covers(codePoint, roles)) {
          if (run) run.end = end
          else run = { start: index, end }
        } else if (run && !/[ \u00A0]/.test(character)) {
          say(text.slice(run.start, run.end), offset + run.start)
          run = undefined
        }
        index = end
      }
      if (run) say(text.slice(run.start, run.end), offset + run.start)
    }
    for (const [text, offset] of printedParts(target)) look(text, offset)
  }
}

/** The parts of a file that get printed, each with its offset in the file. */
function printedParts(target: LintTarget): Array<[string, number]> {
  if (target.kind !== 'markdown') return yamlStrings(target.text).map((string) => [string.raw, string.offset])
  const frontMatter = target.tree?.children.find((node) => node.type === 'yaml')
  if (!frontMatter?.position) return [[target.text, 0]]
  const start = frontMatter.position.start.offset!
  const end = frontMatter.position.end.offset!
  const body = target.text.indexOf('\n', start) + 1
  const value = (frontMatter as { value: string }).value
  const labels = yamlStrings(target.text.slice(body, body + value.length), body).map((string): [string, number] => [string.raw, string.offset])
  return [[target.text.slice(0, start), 0], ...labels, [target.text.slice(end), end]]
}
