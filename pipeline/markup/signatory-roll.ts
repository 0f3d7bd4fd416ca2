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
  { limit = Number.POSITIVE_INFINITY, fit }: { limit?: number; fit?: (signatory: Signatory) => { span: number; scale: number; spanStyle: (span: number) => string } | undefined } = {}
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
            ? h('ol', list.map((signatory) => h('li', { style: placement(fit?.(signatory)) }, signatoryName(signatory, document.languages))))
            : h('p', { className: ['none'] }, labelLine(document, (labels) => labels.none))
      ])
    )
  ])
}

/** A name's place in a print roll: the columns it takes and its size, when not the usual. */
function placement(fit: { span: number; scale: number; spanStyle: (span: number) => string } | undefined): string | undefined {
  if (!fit) return undefined
  const styles = [...(fit.span > 1 ? [fit.spanStyle(fit.span)] : []), ...(fit.scale < 1 ? [`font-size: ${(fit.scale * 100).toFixed(1)}%`] : [])]
  return styles.length > 0 ? styles.join('; ') : undefined
}

/** Counts as the roll prints them (10,000): the same on every machine, whatever its locale. */
const count = new Intl.NumberFormat('en-US')
