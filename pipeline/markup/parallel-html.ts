/**
 * Pieces of hast that several editions share: a text in every language, each part
 * tagged with its language, and the public signatory roll. Templates' CSS decides how
 * they are laid out.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Document, Fragment, Lang, Parallel } from '../source/document.js'
import type { Signatory } from '../source/signatories-schema.js'
import { localize } from '../source/publication-schema.js'

/** One element per language, `<tag lang=...>`, holding that language's fragment. */
export function languageParts(document: Document, parallel: Parallel, tag = 'div', className?: string): Element[] {
  return document.languages.map(({ lang }) => h(tag, { lang, className }, cloneContent(parallel[lang])))
}

/**
 * A heading in every language: one span per language, with a space between them (so the
 * text reads "The World 世界" when copied) and the whole as its accessible name, which is
 * what Chromium writes as the PDF bookmark (it would drop the space at a line wrap).
 */
export function parallelHeading(document: Document, tag: string, parallel: Parallel, properties: Record<string, unknown> = {}): Element {
  const parts = languageParts(document, parallel, 'span')
  const children = parts.flatMap((part, index): ElementContent[] => (index > 0 ? [{ type: 'text', value: ' ' }, part] : [part]))
  const label = document.languages.map(({ lang }) => parallel[lang].text).join(' ')
  return h(tag, { ...properties, ariaLabel: label }, children)
}

/** The fragment's hast, copied so that one Document can be rendered into several trees. */
export function cloneContent(fragment: Fragment): ElementContent[] {
  return structuredClone(fragment.hast)
}

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

/** The labels of every language joined, each tagged: "Signatories 聯署名單". */
export function parallelLabel(document: Document, pick: (labels: Document['languages'][number]['labels']) => string): ElementContent[] {
  return document.languages.flatMap(({ lang, labels }, index) => [
    ...(index > 0 ? [{ type: 'text', value: ' ' } as const] : []),
    h('span', { lang }, pick(labels))
  ])
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
    h('h2', { className: ['parallel-heading'] }, parallelLabel(document, (labels) => labels.signatories)),
    ...groups.map(({ key, list }) =>
      h('div', { className: ['signatory-group', key] }, [
        h('h3', parallelLabel(document, (labels) => labels[key])),
        counted
          ? h('p', { className: ['count'] }, count.format(list.length))
          : list.length > 0
            ? h('ol', list.map((signatory) => h('li', signatoryName(signatory))))
            : h('p', { className: ['none'] }, parallelLabel(document, (labels) => labels.none))
      ])
    )
  ])
}

/** Counts as the roll prints them (10,000): the same on every machine, whatever its locale. */
const count = new Intl.NumberFormat('en-US')

/**
 * "Publisher · 2026-11-26" in `lang`, the date kept on one line (a phone broke it at a
 * hyphen, "2026-" / "11-26"; style `.nowrap` with `white-space: nowrap`), then, given
 * `after`, " · " and that.
 */
export function publisherAndDate(document: Document, lang: string, after?: string): ElementContent[] {
  return [
    `${localize(document.publication.publisher, lang)} · `,
    h('span', { className: ['nowrap'] }, document.publication.date),
    ...(after === undefined ? [] : [` · ${after}`])
  ].map((part): ElementContent => (typeof part === 'string' ? { type: 'text', value: part } : part))
}

