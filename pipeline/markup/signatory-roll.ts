/**
 * The public signatory roll, and a signatory's name as printed. Names are hast text, so a
 * name holding `<`, `&` or quotes prints as written.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Document, Lang } from '../source/document.js'
import type { Signatory } from '../source/signatories-schema.js'
import { labelLine } from './language-parts.js'

/** Signatories who agreed to be named in public, in signing order. */
export function publicSignatories(list: Signatory[]): Signatory[] {
  return list.filter((signatory) => signatory.public)
}

/** A signatory's name as printed: both scripts when given, each tagged with its language. */
export function signatoryName(signatory: Signatory, chineseLang: Lang = 'zh-Hant-HK'): ElementContent[] {
  const parts: ElementContent[] = []
  if (signatory.name) parts.push(h('span', { lang: 'en' }, signatory.name))
  if (signatory.name && signatory['name-zh']) parts.push({ type: 'text', value: ' ' })
  if (signatory['name-zh']) parts.push(h('span', { lang: chineseLang }, signatory['name-zh']))
  return parts
}

/**
 * The public signatory roll: organisations, then individuals, each a numbered list. Past
 * `limit` names in all (a print edition's choice: 10,000 names are 80 pages of a reading
 * edition, and a pamphlet nobody can carry), each group gives its count instead; the
 * signing sheet, the e-book and the web page still list everyone.
 */
export function signatoryRoll(document: Document, { limit = Number.POSITIVE_INFINITY }: { limit?: number } = {}): Element {
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
            ? h('ol', list.map((signatory) => h('li', signatoryName(signatory))))
            : h('p', { className: ['none'] }, labelLine(document, (labels) => labels.none))
      ])
    )
  ])
}

/** Counts as the roll prints them (10,000): the same on every machine, whatever its locale. */
const count = new Intl.NumberFormat('en-US')
