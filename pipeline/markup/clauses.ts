/** Sections and their numbered clauses, in every language, as an edition's layout sets them. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Clause, Document, Section } from '../source/document.js'
import { sectionHeading } from './headings.js'
import { languageParts } from './language-parts.js'
import type { Layout } from './layout.js'
import { numberElement } from './number-cell.js'

/** A section: its heading, then its clauses. */
export function sectionBlock(document: Document, section: Section, layout: Layout): Element {
  return h('section', { ...layout.sectionProperties, className: ['section'], id: section.id }, [
    sectionHeading(document, section.heading, layout),
    ...section.clauses.map((clause) => clauseBlock(document, clause, layout))
  ])
}

/** A clause: its number, then its text in every language. */
export function clauseBlock(document: Document, clause: Clause, layout: Layout): Element {
  return h('div', { className: layout.pairs ? ['pair', 'clause'] : ['clause'], id: `clause-${clause.number}` }, [
    numberElement(layout, String(clause.number)),
    ...languageParts(document, clause.text, 'div', [...(layout.partClass ?? []), 'text'])
  ])
}
