/** The title and the section headings, in every language, as an edition's layout sets them. */
import type { Element, ElementContent, Properties } from 'hast'
import { h } from 'hastscript'
import { parallelTitle, type Document, type Parallel } from '../source/document.js'
import { languageLine, languageParts } from './language-parts.js'
import type { Layout } from './layout.js'
import { numberElement } from './number-cell.js'

/** The publication's title as a heading `tag` (default h1), with `properties` of the edition's. */
export function titleHeading(document: Document, layout: Layout, properties: Properties = {}, tag = 'h1'): Element {
  return heading(document, tag, parallelTitle(document), layout, properties)
}

/** A section's heading (h2), as a row of the grid where the layout has them. */
export function sectionHeading(document: Document, parallel: Parallel, layout: Layout): Element {
  const cell = layout.number === 'cell' ? [numberElement(layout)] : []
  return heading(document, 'h2', parallel, layout, layout.pairs ? { className: ['pair', 'section-heading'] } : {}, cell)
}

function heading(document: Document, tag: string, parallel: Parallel, layout: Layout, properties: Properties, before: ElementContent[] = []): Element {
  if (layout.headings === 'parts') return h(tag, properties, [...before, ...languageParts(document, parallel, 'span', layout.partClass)])
  const label = layout.labelHeadings ? { ariaLabel: document.languages.map(({ lang }) => parallel[lang].text).join(' ') } : {}
  return h(tag, { ...properties, ...label }, [...before, ...languageLine(document, parallel, layout.partClass)])
}
