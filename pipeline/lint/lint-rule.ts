/**
 * What a lint rule of `charter check` is: a small function that looks at one source file
 * and reports vfile messages on it, each with its place, rule id and, when the rule can
 * mend it safely, the exact edit (`expected`: the replacement of the text at `place`).
 */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { FontStacks } from '../fonts/font-stacks.js'
import type { FontFace } from '../fonts/fonts.js'
import type { KnownLanguage } from '../source/names.js'
import { typographyOfTag } from '../source/names.js'
import type { CheckSettings } from '../source/publication-schema.js'

/** One source file as a rule sees it. */
export interface LintTarget {
  file: VFile
  /** The file's text, exactly as read. */
  text: string
  /** `markdown`: a language file (with `tree` and `lang`); `signatories`, `publication`: YAML data. */
  kind: 'markdown' | 'signatories' | 'publication'
  /** The language tag of a language file (its name, as publication.yaml lists it). */
  lang?: string
  /** The language file's mdast, with positions (offsets into `text`). */
  tree?: Root
  settings: CheckSettings
  /** The publication's languages, which name languages are matched to (names.ts). */
  languages: KnownLanguage[]
  /** The font stack of each language, which glyph-coverage follows. */
  stacks: FontStacks
  /** The publication's own fonts (source/fonts/). */
  own: FontFace[]
}

export interface LintRule {
  /** The rule id printed after each message, and the name of its README entry. */
  id: string
  /** Errors stop `charter build`; warnings are printed and the build goes on. */
  severity: 'error' | 'warning'
  /** Whether `charter check --fix` can mend what this rule reports. */
  fixable: boolean
  check(target: LintTarget): void | Promise<void>
}

const locations = new WeakMap<VFile, ReturnType<typeof location>>()

/** Reports a finding of `rule` on `target.text[start, end)`; `replacement` makes it fixable. */
export function report(
  target: Pick<LintTarget, 'file' | 'text'>,
  rule: Pick<LintRule, 'id' | 'severity'>,
  reason: string,
  start: number,
  end: number,
  replacement?: string
): void {
  let place = locations.get(target.file)
  if (!place) locations.set(target.file, (place = location(target.text)))
  const point = (offset: number) => ({ ...place.toPoint(offset)!, offset })
  const message = target.file.message(reason, {
    place: { start: point(start), end: point(end) },
    ruleId: rule.id,
    source: 'charter'
  })
  message.fatal = rule.severity === 'error'
  message.actual = target.text.slice(start, end)
  if (replacement !== undefined) message.expected = [replacement]
}

/** Han characters (the ideographs of Chinese text), for rules that look at neighbours. */
export const han = /\p{Script=Han}/u

/** A character of Chinese text: Han, or CJK punctuation and full-width forms. */
export const cjk = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u

/** Whether `lang` is a language written in Chinese characters (`zh-Hant-HK`, `yue`, ...): its script is Han. */
export function isChinese(lang: string | undefined): boolean {
  return lang !== undefined && typographyOfTag(lang) === 'chinese'
}

/** Whether `lang` is written in Latin letters (or Greek or Cyrillic): words with spaces between. */
export function isLatinScript(lang: string | undefined): boolean {
  return lang !== undefined && typographyOfTag(lang) === 'latin'
}
