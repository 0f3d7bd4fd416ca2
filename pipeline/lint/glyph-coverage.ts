/**
 * `glyph-coverage`: a character that the project's fonts do not contain would print as a
 * box, or in whatever font the printing machine has. Looks at everything that gets printed:
 * a language file's text and front-matter labels (Chinese against the Han face, other
 * languages against the Latin face then the Han face, as the CSS stacks them), the names in
 * the signatory list and publication.yaml's values.
 */
import { fontCoverage } from './font-coverage.js'
import { report, type LintRule, type LintTarget } from './lint-rule.js'
import { languageOfName, nameParts } from '../source/names.js'
import { proseRuns } from './prose-runs.js'
import { codeOf } from './unprintable.js'
import { frontMatterStrings, privateEntryAt, yamlStrings, type YamlString } from './yaml-strings.js'

/**
 * Characters nothing is drawn for: spaces, format and variation marks, and what is not text
 * (controls, noncharacters, half a surrogate pair, U+FFFD): the invisible-character and
 * signatories rules name those.
 */
const invisible = /[\s\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\p{Default_Ignorable_Code_Point}\uFE00-\uFE0F\uFFFD]/u

/** A character the language's own fonts lack, drawn by a font that fills in (the fallback, or the publication's own). */
const fallbackRule = { id: 'font-fallback', severity: 'warning' } as const

export const glyphCoverage: LintRule = {
  id: 'glyph-coverage',
  severity: 'error',
  fixable: false,
  async check(target) {
    const coverage = await fontCoverage(target.own)
    const fillIns = new Set(target.stacks.fillIns)
    // A run of missing characters (a name in a script the fonts lack, say), spaces between
    // them included, is one message: an Arabic name was seven.
    const say = (part: PrintedPart, run: string, start: number, end: number, drawnBy: string | undefined) => {
      const characters = [...run].filter((character) => !invisible.test(character))
      const one = characters.length === 1
      const shown = characters.length > maxShown ? `${characters.slice(0, maxShown).join('')}…` : run
      const codes = characters.slice(0, maxShown).map(codeOf).join(' ') + (characters.length > maxShown ? ` and ${characters.length - maxShown} more` : '')
      const hidden = privateName(target, start)
      const what = hidden
        ? `${one ? 'A character' : `${characters.length} characters`} of this name (not public, so not shown here)`
        : `${one ? 'Character' : 'Characters'} \`${shown}\` (${codes})`
      const own = part.stack.filter((family) => !fillIns.has(family))
      const reason = drawnBy
        ? `${what} ${one ? 'is' : 'are'} not in ${own.join(' or ') || 'the language\'s font'}: ${one ? 'it prints' : 'they print'} in ${drawnBy}, a font that fills in, whose forms may differ`
        : `${what} ${one ? 'is' : 'are'} in none of the fonts (${part.stack.join(', ')}): ${one ? 'it' : 'they'} would print as ${one ? 'a box' : 'boxes'}. Add a TrueType font that has ${one ? 'it' : 'them'} to the source folder's fonts/ and list it under \`fonts:\` in publication.yaml (fonts/README.md)`
      // A private name's message points at the whole name: where its characters sit would tell of them.
      const [from, to] = hidden && part.whole ? part.whole : [start, end]
      report(target, drawnBy ? fallbackRule : this, reason, from, to)
    }
    const look = async (part: PrintedPart) => {
      let run: { start: number; end: number; drawnBy: string | undefined } | undefined
      let index = 0
      const close = () => {
        if (run) say(part, part.text.slice(run.start, run.end), part.at(run.start), part.at(run.end), run.drawnBy)
        run = undefined
      }
      for (const character of part.text) {
        const codePoint = character.codePointAt(0)!
        const end = index + character.length
        const family = invisible.test(character) ? part.stack[0] : await coverage.familyOf(codePoint, part.stack)
        const missing = family === undefined || fillIns.has(family)
        if (missing) {
          if (run && run.drawnBy !== family) close()
          if (run) run.end = end
          else run = { start: index, end, drawnBy: family }
        } else if (run && !/[ \u00A0]/.test(character)) close()
        index = end
      }
      close()
    }
    for (const part of printedParts(target)) await look(part)
  }
}

/** Characters quoted in one message at most: a whole paragraph in a missing script is one message, not a page of one. */
const maxShown = 12

/** Some printed text, and where each of its characters stands in the file. */
interface PrintedPart {
  text: string
  /** The font stack that sets it: its language's. */
  stack: readonly string[]
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
  // Each entry's `lang`, found once: looked up for every name, a list of 10,000 took 0.7 s.
  const languages = new Map(strings.filter((string) => string.path[2] === 'lang').map((string) => [`${string.path[0]}/${string.path[1]}`, string.value]))
  const parts: PrintedPart[] = strings.map((string) => yamlPart(string, stackOf(target, string, languages)))
  if (target.kind !== 'markdown') return parts
  const stack = target.stacks.of(target.lang ?? '')
  const frontMatter = target.tree?.children.find((node) => node.type === 'yaml')
  const bodyStart = frontMatter?.position?.end.offset ?? 0
  const typed = (start: number, end: number): PrintedPart => ({ text: target.text.slice(start, end), at: (index) => start + index, stack })
  if (frontMatter?.position) parts.push(typed(0, frontMatter.position.start.offset!))
  let reached = bodyStart
  for (const run of target.tree ? proseRuns(target.text, target.tree, { masked: false }) : []) {
    if (run.offset < reached) continue
    parts.push(typed(reached, run.offset), { ...run, stack })
    reached = run.at(run.text.length)
  }
  parts.push(typed(reached, target.text.length))
  return parts
}

/**
 * The stack a YAML string prints in: a language file's labels in its language, a value
 * given per language (`publisher: { fr: ... }`) in that one, a signatory's name in the
 * language it is written in, anything else in every family.
 */
function stackOf(target: LintTarget, string: YamlString, entryLanguages: Map<string, string>): readonly string[] {
  if (target.kind === 'markdown') return target.stacks.of(target.lang ?? '')
  if (target.kind === 'publication') {
    const lang = string.path.length === 2 && typeof string.path[1] === 'string' ? string.path[1] : undefined
    return lang && target.languages.some((language) => language.lang === lang) ? target.stacks.of(lang) : target.stacks.all
  }
  const [list, index, field] = string.path
  if (field === 'name-zh') return target.stacks.of(nameParts({ 'name-zh': string.value, public: true }, target.languages)[0].lang)
  if (field !== 'name') return target.stacks.all
  const lang = entryLanguages.get(`${list}/${index}`)
  return target.stacks.of(lang ?? languageOfName(string.value, target.languages))
}

/** A YAML string as it prints; its characters stand where typed, or all at the string when it holds escapes. */
function yamlPart(string: YamlString, stack: readonly string[]): PrintedPart {
  const quoted = /^["']/.test(string.raw) ? 1 : 0
  const whole: [number, number] = [string.offset, string.offset + string.raw.length]
  if (string.raw.slice(quoted, quoted + string.value.length) === string.value) {
    return { text: string.value, at: (index) => string.offset + quoted + index, whole, stack }
  }
  return { text: string.value, at: (index) => (index === 0 ? string.offset : string.offset + string.raw.length), whole, stack }
}

/** Whether `offset` in a signatory list lies in an entry marked `public: false`. */
function privateName(target: LintTarget, offset: number): boolean {
  return target.kind === 'signatories' && privateEntryAt(target.text, offset)
}
