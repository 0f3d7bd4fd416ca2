/**
 * The public signatory roll, and a signatory's name as printed. Names are hast text, so a
 * name holding `<`, `&` or quotes prints as written.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Document } from '../source/document.js'
import { nameParts, type KnownLanguage } from '../source/names.js'
import type { Signatory } from '../source/signatories-schema.js'
import { labelLine } from './language-parts.js'

/** Signatories who agreed to be named in public, in signing order. */
export function publicSignatories(list: Signatory[]): Signatory[] {
  return list.filter((signatory) => signatory.public)
}

/**
 * A signatory's name as printed: each of its names (`name`, `name-zh`) tagged with the
 * language it is written in, and never broken across lines (`.signatory-name`: white-space: nowrap),
 * so that it copies and searches whole.
 */
export function signatoryName(signatory: Signatory, languages: readonly KnownLanguage[]): ElementContent[] {
  return nameParts(signatory, languages).flatMap((part, index): ElementContent[] => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' ' }] : []),
    h('span', { lang: part.lang, className: ['signatory-name'] }, part.text)
  ])
}

/**
 * The public signatory roll: organisations, then individuals, each a numbered list. Past
 * `limit` names in all (a print edition's choice: 10,000 names are 80 pages of a reading
 * edition, and a pamphlet nobody can carry), each group gives its count instead; the
 * signing sheet, the e-book and the web page still list everyone.
 */
export function signatoryRoll(
  document: Document,
  {
    limit = Number.POSITIVE_INFINITY,
    fit,
    reflow = false
  }: {
    limit?: number
    fit?: (signatory: Signatory) => { span: number; scale: number; spanStyle: (span: number) => string } | undefined
    /** A page that reflows (web, EPUB): a long name is marked with its width, for its stylesheet to shrink it to the line. */
    reflow?: boolean
  } = {}
): Element {
  const groups = [
    { key: 'organisations' as const, list: publicSignatories(document.signatories.organisations) },
    { key: 'individuals' as const, list: publicSignatories(document.signatories.individuals) }
  ]
  const counted = groups.reduce((sum, group) => sum + group.list.length, 0) > limit
  return h('section', { className: ['signatories'], id: 'signatories' }, [
    h('h2', { className: ['parallel-heading'] }, labelLine(document, (labels) => labels.signatories)),
    ...groups.map(({ key, list }) =>
      h('div', { className: ['signatory-group', key] }, [
        h('h3', labelLine(document, (labels) => labels[key])),
        counted
          ? h('p', { className: ['count'] }, count.format(list.length))
          : list.length > 0
            ? h('ol', list.map((signatory) => h('li', { style: placement(fit?.(signatory)), ...(reflow ? longName(signatory, document) : {}) }, signatoryName(signatory, document.languages))))
            : h('p', { className: ['none'] }, labelLine(document, (labels) => labels.none))
      ])
    )
  ])
}

/** Past this many em, a name may be wider than a phone's line (or a web column of 15rem). */
const longNameEm = 14

/**
 * A long name on a page that reflows: class `long-name`, and its width in em (`--name-em`),
 * a generous estimate from its characters (a CJK character 1 em, a Latin letter at most 0.62,
 * a space 0.3), so that its stylesheet can set it smaller on a narrow screen, never broken.
 */
function longName(signatory: Signatory, document: Document): { className?: string[]; style?: string } {
  const text = nameParts(signatory, document.languages).map((part) => part.text).join(' ')
  const em = [...text].reduce((sum, character) => sum + (/\s/.test(character) ? 0.3 : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u.test(character) ? 1 : 0.62), 0)
  return em > longNameEm ? { className: ['long-name'], style: `--name-em: ${em.toFixed(1)}` } : {}
}

/** A name's place in a print roll: the columns it takes and its size, when not the usual. */
function placement(fit: { span: number; scale: number; spanStyle: (span: number) => string } | undefined): string | undefined {
  if (!fit) return undefined
  const styles = [...(fit.span > 1 ? [fit.spanStyle(fit.span)] : []), ...(fit.scale < 1 ? [`font-size: ${(fit.scale * 100).toFixed(1)}%`] : [])]
  return styles.length > 0 ? styles.join('; ') : undefined
}

/** Counts as the roll prints them (10,000): the same on every machine, whatever its locale. */
const count = new Intl.NumberFormat('en-US')
