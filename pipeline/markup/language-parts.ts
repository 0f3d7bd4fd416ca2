/**
 * A text in every language of the publication, each part tagged with its language: as
 * elements of their own (the stylesheet sets them side by side or one under the other), or
 * as one line with a space between (what a reader copies: "The World 世界").
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Document, Fragment, LanguageInfo, Parallel } from '../source/document.js'

/** One element per language, `<tag lang=...>`, holding that language's fragment. */
export function languageParts(document: Document, parallel: Parallel, tag = 'div', className?: string[]): Element[] {
  return document.languages.map(({ lang }) => h(tag, { lang, className }, cloneContent(parallel[lang])))
}

/** One span per language with a space between: a line that copies as "The World 世界". */
export function languageLine(document: Document, parallel: Parallel, className?: string[]): ElementContent[] {
  return spaced(languageParts(document, parallel, 'span', className))
}

/** The labels of every language as one line, each tagged: "Signatories 聯署名單". */
export function labelLine(document: Document, pick: (labels: LanguageInfo['labels']) => string): ElementContent[] {
  return spaced(document.languages.map(({ lang, labels }) => h('span', { lang }, pick(labels))))
}

/** A label of every language as a Parallel, so that it renders as the text's own parts do. */
export function labelParallel(document: Document, pick: (labels: LanguageInfo['labels']) => string): Parallel {
  return Object.fromEntries(
    document.languages.map(({ lang, labels, title }) => [lang, { hast: [{ type: 'text', value: pick(labels) }], text: pick(labels), place: title.place }])
  )
}

/** The fragment's hast, copied so that one Document can be rendered into several trees. */
export function cloneContent(fragment: Fragment): ElementContent[] {
  return structuredClone(fragment.hast)
}

function spaced(parts: Element[]): ElementContent[] {
  return parts.flatMap((part, index): ElementContent[] => (index > 0 ? [{ type: 'text', value: ' ' }, part] : [part]))
}
