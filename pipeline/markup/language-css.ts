/**
 * Stylesheets name scripts, not languages: a rule for `:script(chinese)` or `:script(latin)`
 * is written out here as one for each of the publication's languages set that way
 * (`:lang(zh-Hant-HK)`, `:lang(yue-Hant-HK)`), so a French or Japanese text file needs no
 * stylesheet of its own. Each language also gets its font stack (font-stacks.ts).
 *
 * The groups: `latin`, `chinese`, `japanese`, `korean` (typographies, scripts.ts), and
 * `cjk` for the last three.
 */
import type { FontStacks } from '../fonts/font-stacks.js'
import { isCjkTypography, type Typography } from '../fonts/scripts.js'
import { nameParts, typographyOfTag as typographyOfLanguage } from '../source/names.js'
import type { Document } from '../source/document.js'
import type { Signatory } from '../source/signatories-schema.js'
import { publicSignatories } from './signatory-roll.js'
import { cssString } from './escape.js'

/** A language some text is tagged with, and how that text is set. */
export interface CssLanguage {
  lang: string
  typography: Typography | undefined
}

/**
 * The languages a build's text is tagged with: the publication's, then those its public
 * signatories' names are written in. Never a private name's: the stylesheets the public
 * editions carry are the same whoever else signed. An edition that prints another list
 * (the signing sheet) gives the names it prints.
 */
export function cssLanguages(document: Document, printed?: Signatory[]): CssLanguage[] {
  const languages: CssLanguage[] = document.languages.map(({ lang, typography }) => ({ lang, typography }))
  const { organisations, individuals } = document.signatories
  for (const signatory of printed ?? publicSignatories([...organisations, ...individuals])) {
    for (const part of nameParts(signatory, document.languages)) {
      if (languages.some((language) => language.lang.toLowerCase() === part.lang.toLowerCase())) continue
      languages.push({ lang: part.lang, typography: typographyOfLanguage(part.lang) })
    }
  }
  return languages
}

/** Whether a language belongs to a `:script(group)`. */
function inGroup(language: CssLanguage, group: string): boolean {
  if (group === 'cjk') return isCjkTypography(language.typography)
  return language.typography === group
}

const groups = new Set(['latin', 'chinese', 'japanese', 'korean', 'cjk'])

/**
 * `css` with every selector that names `:script(group)` written once per language of the
 * group; a selector whose group has no language is dropped, and a rule left with no
 * selector with it.
 */
export function expandScripts(css: string, languages: readonly CssLanguage[]): string {
  let out = ''
  let index = 0
  while (index < css.length) {
    const open = nextBrace(css, index)
    if (open < 0) {
      out += css.slice(index)
      break
    }
    // The prelude: from after the last end of a rule, declaration or comment before the brace.
    const chunk = css.slice(index, open)
    const cut = Math.max(chunk.lastIndexOf('}') + 1, chunk.lastIndexOf(';') + 1, chunk.lastIndexOf('*/') + 2, 0)
    const lead = chunk.slice(0, cut)
    const prelude = chunk.slice(cut)
    if (!prelude.includes(':script(')) {
      out += css.slice(index, open + 1)
      index = open + 1
      continue
    }
    const close = matchingBrace(css, open)
    const spacing = /^\s*/.exec(prelude)![0]
    const selectors = splitSelectors(prelude.trim()).flatMap((selector) => expandSelector(selector, languages))
    out += lead
    if (selectors.length > 0) out += `${spacing}${selectors.join(', ')} ${css.slice(open, close + 1)}`
    else out += spacing.replace(/[^\n]/g, '')
    index = close + 1
  }
  return out
}

function expandSelector(selector: string, languages: readonly CssLanguage[]): string[] {
  const match = /:script\(([a-z]+)\)/.exec(selector)
  if (!match) return [selector]
  if (!groups.has(match[1])) throw new Error(`Unknown script group :script(${match[1]}) in a stylesheet: use one of ${[...groups].join(', ')}`)
  const members = languages.filter((language) => inGroup(language, match[1]))
  return members.flatMap((language) =>
    expandSelector(selector.slice(0, match.index) + `:lang(${language.lang})` + selector.slice(match.index + match[0].length), languages)
  )
}

/** Splits a selector list at its top-level commas. */
function splitSelectors(list: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < list.length; index++) {
    const character = list[index]
    if (character === '(') depth++
    else if (character === ')') depth--
    else if (character === ',' && depth === 0) {
      parts.push(list.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(list.slice(start).trim())
  return parts.filter(Boolean)
}

/** The next `{` from `from`, outside comments and strings. */
function nextBrace(css: string, from: number): number {
  for (let index = from; index < css.length; index++) {
    const skipped = skip(css, index)
    if (skipped !== index) {
      index = skipped - 1
      continue
    }
    if (css[index] === '{') return index
  }
  return -1
}

/** The `}` closing the block opened at `open`. */
function matchingBrace(css: string, open: number): number {
  let depth = 0
  for (let index = open; index < css.length; index++) {
    const skipped = skip(css, index)
    if (skipped !== index) {
      index = skipped - 1
      continue
    }
    if (css[index] === '{') depth++
    else if (css[index] === '}' && --depth === 0) return index
  }
  throw new Error('A stylesheet has a block that is never closed')
}

/** Past a comment or a string starting at `index`; `index` itself when none starts there. */
function skip(css: string, index: number): number {
  if (css.startsWith('/*', index)) {
    const end = css.indexOf('*/', index + 2)
    return end < 0 ? css.length : end + 2
  }
  const quote = css[index]
  if (quote === '"' || quote === "'") {
    let at = index + 1
    while (at < css.length && css[at] !== quote) at += css[at] === '\\' ? 2 : 1
    return at + 1
  }
  return index
}

/** Family names as a `font-family` value: `"Source Serif 4", "Noto Serif HK"`. */
export function familyList(families: readonly string[]): string {
  return families.map(cssString).join(', ')
}

/** Each language's font stack as a rule of its own: `:lang(fr) { font-family: ... }`. */
export function languageFontRules(languages: readonly CssLanguage[], stacks: FontStacks): string {
  return languages.map(({ lang }) => `:lang(${lang}) { font-family: ${familyList(stacks.of(lang))}; }`).join('\n')
}
