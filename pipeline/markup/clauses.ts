/** Sections, their opening paragraphs and their numbered clauses, in every language, as an edition's layout sets them. */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Clause, Document, Note, Parallel, Prose, Section } from '../source/document.js'
import { sectionHeading } from './headings.js'
import { cloneContent } from './language-parts.js'
import type { Layout } from './layout.js'
import { numberElement } from './number-cell.js'
import { linkReferences, notesBlock } from './notes.js'

/** A section: its heading, its opening paragraphs, then its clauses. */
export function sectionBlock(document: Document, section: Section, layout: Layout): Element {
  return h('section', { ...layout.sectionProperties, className: ['section'], id: section.id }, [
    sectionHeading(document, section.heading, layout),
    ...section.intro.map((prose) => proseBlock(document, prose, layout)),
    ...clauseList(section.clauses.map((clause) => clauseBlock(document, clause, layout)), layout)
  ])
}

/**
 * A section's clauses. In print, a list of them, which Chromium's tagged PDF writes as L >
 * LI: a screen reader says "list of 5 items" and "item 2 of 5", and moves by item.
 */
function clauseList(clauses: Element[], layout: Layout): Element[] {
  if (!layout.printed || clauses.length === 0) return clauses
  return [h('div', { className: ['clauses'], role: 'list' }, clauses.map((clause) => ({ ...clause, properties: { ...clause.properties, role: 'listitem' } })))]
}

/** A clause: its number, then its text in every language, each followed by its notes. */
export function clauseBlock(document: Document, clause: Clause, layout: Layout): Element {
  return h('div', { className: layout.pairs ? ['pair', 'clause'] : ['clause'], id: clause.id }, [
    numberElement(layout, String(clause.number)),
    ...textParts(document, clause.text, clause.notes, layout)
  ])
}

/** A paragraph of prose in every language, in the clauses' columns where they have them (with no number). */
export function proseBlock(document: Document, prose: Prose, layout: Layout): Element {
  return h('div', { className: layout.pairs ? ['pair', 'prose'] : ['prose'] }, [
    ...(layout.pairs ? [numberElement(layout)] : []),
    ...textParts(document, prose.text, prose.notes, layout)
  ])
}

/** The paragraphs before the first section, as a block of their own; nothing when there are none. */
export function preambleBlock(document: Document, layout: Layout): Element[] {
  if (document.preamble.length === 0) return []
  return [h('section', { className: ['preamble'], id: 'preamble' }, document.preamble.map((prose) => proseBlock(document, prose, layout)))]
}

/** One `div.text` per language: its text, with references linked, then its notes. */
function textParts(document: Document, parallel: Parallel, notes: Note[], layout: Layout): Element[] {
  return document.languages.map(({ lang }) => {
    const content: ElementContent[] = [...linkReferences(cloneContent(parallel[lang]), lang, notes, layout), ...notesBlock(notes, lang, layout)]
    return h('div', { lang, className: [...(layout.partClass ?? []), 'text'] }, content)
  })
}
