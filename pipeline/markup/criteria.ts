/** The sign-up criteria: under their heading, as one list per language side by side, or criterion by criterion. */
import type { Element, Properties } from 'hast'
import { h } from 'hastscript'
import type { Document, Lang } from '../source/document.js'
import { sectionHeading } from './headings.js'
import { cloneContent, languageParts } from './language-parts.js'
import type { Layout } from './layout.js'
import { numberElement } from './number-cell.js'

/** The criteria as a section of their own: the heading, then `list` (one of the two below). */
export function criteriaSection(document: Document, layout: Layout, list: Element): Element {
  return h('section', { ...layout.sectionProperties, className: ['criteria'], id: 'criteria' }, [sectionHeading(document, document.criteria!.heading, layout), list])
}

/** One list per language, side by side in a row of the grid, as the clauses are. */
export function criteriaSideBySide(document: Document, layout: Layout): Element {
  return h('div', { className: ['pair'] }, [
    numberElement(layout),
    ...document.languages.map(({ lang }) => h('ol', { lang, className: [...(layout.partClass ?? []), 'text'] }, criteriaItems(document, lang)))
  ])
}

/** One list, each criterion in every language one after the other (`partTag` holds each language). */
export function criteriaByCriterion(document: Document, partTag: string, properties: Properties = {}): Element {
  return h('ol', properties, document.criteria!.items.map((item) => h('li', languageParts(document, item, partTag))))
}

/** The criteria in one language, as list items. */
export function criteriaItems(document: Document, lang: Lang): Element[] {
  return document.criteria!.items.map((item) => h('li', cloneContent(item[lang])))
}
