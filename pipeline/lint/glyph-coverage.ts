/**
 * `glyph-coverage`: a character that the project's fonts do not contain would print as a
 * box, or in whatever font the printing machine has. Looks at everything that gets printed:
 * a language file's text and front-matter labels (Chinese against the Han face, other
 * languages against the Latin face then the Han face, as the CSS stacks them), the names in
 * the signatory list and publication.yaml's values.
 */
import { fontCoverage } from './font-coverage.js'
import { isChinese, report, type LintRule, type LintTarget } from './lint-rule.js'
import { proseRuns } from './prose-runs.js'
import { codeOf } from './unprintable.js'
import { frontMatterStrings, privateEntryAt, yamlStrings, type YamlString } from './yaml-strings.js'
import type { FontFace } from '../fonts/fonts.js'

/**
 * Characters nothing is drawn for: spaces, format and variation marks, and what is not text
 * (controls, noncharacters, half a surrogate pair, U+FFFD): the invisible-character and
 * signatories rules name those.
 */
const invisible = /[\s\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\p{Default_Ignorable_Code_Point}\uFE00-\uFE0F\uFFFD]/u

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
    const say = (run: string, start: number, end: number, whole: [number, number] | undefined) => {
      const characters = [...run].filter((character) => !invisible.test(character))
      const shown = characters.length > maxShown ? `${characters.slice(0, maxShown).join('')}…` : run
      const codes = characters.slice(0, maxShown).map(codeOf).join(' ') + (characters.length > maxShown ? ` and ${characters.length - maxShown} more` : '')
      const reason = privateName(target, start)
        ? `${characters.length === 1 ? 'A character' : `${characters.length} characters`} of this name (not public, so not shown here) ${characters.length === 1 ? 'is' : 'are'} not in the project's fonts (${families}): ${characters.length === 1 ? 'it' : 'they'} would print as ${characters.length === 1 ? 'a box' : 'boxes'} or in another font`
        : characters.length === 1
          ? `Character \`${shown}\` (${codes}) is not in the project's fonts (${families}): it would print as a box or in another font`
          : `Characters \`${shown}\` (${codes}) are not in the project's fonts (${families}): they would print as boxes or in another font`
      // A private name's message points at the whole name: where its missing characters sit would tell of them.
      const [from, to] = privateName(target, start) && whole ? whole : [start, end]
      report(target, this, reason, from, to)
    }
    const look = ({ text, at, whole }: PrintedPart) => {
      let run: { start: number; end: number } | undefined
      let index = 0
      for (const character of text) {
        const codePoint = character.codePointAt(0)!
        const end = index + character.length
        if (!invisible.test(character) && !coverage.covers(codePoint, roles)) {
          if (run) run.end = end
          else run = { start: index, end }
        } else if (run && !/[ \u00A0]/.test(character)) {
          say(text.slice(run.start, run.end), at(run.start), at(run.end), whole)
          run = undefined
        }
        index = end
      }
      if (run) say(text.slice(run.start, run.end), at(run.start), at(run.end), whole)
    }
    for (const part of printedParts(target)) look(part)
  }
}

/** Characters quoted in one message at most: a whole paragraph in a missing script is one message, not a page of one. */
const maxShown = 12

/** Some printed text, and where each of its characters stands in the file. */
interface PrintedPart {
  text: string
  at(index: number): number
  /** Where the whole part stands (a YAML string, quotes and all). */
  whole?: [number, number]
}

/**
 * The parts of a file that get printed, each with where its characters stand in the file:
 * string values of YAML (as they print: `"\U0001F600"` is the emoji), and a language file's
 * labels and body, its prose as it prints (`&#x1F600;` is the emoji too) and the rest as typed.
 */
function printedParts(target: LintTarget): PrintedPart[] {
  const strings = target.kind === 'markdown' ? frontMatterStrings(target.text, target.tree) : yamlStrings(target.text)
  const parts: PrintedPart[] = strings.map((string) => yamlPart(string))
  if (target.kind !== 'markdown') return parts
  const frontMatter = target.tree?.children.find((node) => node.type === 'yaml')
  const bodyStart = frontMatter?.position?.end.offset ?? 0
  const typed = (start: number, end: number): PrintedPart => ({ text: target.text.slice(start, end), at: (index) => start + index })
  if (frontMatter?.position) parts.push(typed(0, frontMatter.position.start.offset!))
  let reached = bodyStart
  for (const run of target.tree ? proseRuns(target.text, target.tree, { masked: false }) : []) {
    if (run.offset < reached) continue
    parts.push(typed(reached, run.offset), run)
    reached = run.at(run.text.length)
  }
  parts.push(typed(reached, target.text.length))
  return parts
}

/** A YAML string as it prints; its characters stand where typed, or all at the string when it holds escapes. */
function yamlPart(string: YamlString): PrintedPart {
  const quoted = /^["']/.test(string.raw) ? 1 : 0
  const whole: [number, number] = [string.offset, string.offset + string.raw.length]
  if (string.raw.slice(quoted, quoted + string.value.length) === string.value) {
    return { text: string.value, at: (index) => string.offset + quoted + index, whole }
  }
  return { text: string.value, at: (index) => (index === 0 ? string.offset : string.offset + string.raw.length), whole }
}

/** Whether `offset` in a signatory list lies in an entry marked `public: false`. */
function privateName(target: LintTarget, offset: number): boolean {
  return target.kind === 'signatories' && privateEntryAt(target.text, offset)
}
