/**
 * The lint rules of `charter check`, in the order their README entries appear, and the
 * function that runs them over a source. The alignment rules (clause numbering, sections,
 * criteria) are not here: loading the Document reports them.
 */
import type { VFile } from 'vfile'
import { fontStacks } from '../fonts/font-stacks.js'
import { loadFonts } from '../fonts/fonts.js'
import { scriptOf } from '../fonts/scripts.js'
import { typographyOfTag } from '../source/names.js'
import { checkSettingsSchema } from '../source/publication-schema.js'
import { languageTag } from '../source/source-schema.js'
import { yamlStrings } from './yaml-strings.js'
import type { Source } from '../source/read-source.js'
import { cjkEllipsisDash } from './cjk-ellipsis-dash.js'
import { cjkEnumerationComma } from './cjk-enumeration-comma.js'
import { cjkPunctuationWidth } from './cjk-punctuation-width.js'
import { cjkQuotes } from './cjk-quotes.js'
import { fullwidthInLatin } from './fullwidth-in-latin.js'
import { glyphCoverage } from './glyph-coverage.js'
import { hanLatinSpacing } from './han-latin-spacing.js'
import { invisibleCharacter } from './invisible-character.js'
import type { LintRule, LintTarget } from './lint-rule.js'
import { signatories } from './signatories.js'
import { straySpace } from './stray-space.js'

export const lintRules: LintRule[] = [
  cjkPunctuationWidth,
  cjkEnumerationComma,
  cjkQuotes,
  hanLatinSpacing,
  cjkEllipsisDash,
  fullwidthInLatin,
  straySpace,
  invisibleCharacter,
  glyphCoverage,
  signatories
]

/** Runs every lint rule over the files of `source`; findings become messages on those files. */
export async function lintSource(source: Source): Promise<void> {
  const settings = source.publication?.check ?? checkSettingsSchema.parse({})
  // Only the languages the project can set (an unknown script is publication.yaml's error).
  // When publication.yaml has another mistake, its languages as written still say which
  // fonts its text is set in.
  const written = source.publication?.languages ?? yamlStrings(String(source.publicationFile.value)).filter((string) => string.path[0] === 'languages').map((string) => string.value)
  const tags = written.filter((lang) => languageTag.safeParse(lang).success && scriptOf(lang) && typographyOfTag(lang))
  const languages = tags.map((lang) => ({ lang, typography: typographyOfTag(lang) }))
  const stacks = fontStacks(await loadFonts(), tags.map((lang) => ({ lang, script: scriptOf(lang)! })), source.ownFonts)
  const targets: LintTarget[] = []
  const add = (file: VFile, target: Omit<LintTarget, 'file' | 'text' | 'settings' | 'languages' | 'stacks' | 'own'>) => {
    const text = String(file.value)
    // A file that could not be read has no text to look at; its own message says why.
    if (text === '' || unreadable(file)) return
    targets.push({ file, text, settings, languages, stacks, own: source.ownFonts, ...target })
  }
  add(source.publicationFile, { kind: 'publication' })
  source.languageFiles.forEach((file, index) => {
    const tree = source.trees[index]
    if (tree) add(file, { kind: 'markdown', lang: source.publication?.languages[index], tree })
  })
  add(source.signatoriesFile, { kind: 'signatories' })
  if (source.sheetSignatoriesFile) add(source.sheetSignatoriesFile, { kind: 'signatories' })

  for (const target of targets) {
    for (const rule of lintRules) await rule.check(target)
  }
}

/**
 * A file that could not be read, is past a limit (`source-*` rules) or is not YAML the
 * build can use (`yaml-syntax`): no rule looks at it, since what it holds is not known.
 */
function unreadable(file: VFile): boolean {
  return file.messages.some((message) => /^source-|^yaml-syntax$/.test(message.ruleId ?? ''))
}

/** Whether any of `files` has an error (or, when `frail`, any warning). */
export function failed(files: VFile[], frail = false): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true || (frail && message.fatal === false)))
}
