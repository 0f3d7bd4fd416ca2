/**
 * Text as a reader's tool gives it back (pdftotext, pdf.js), compared as a reader searches
 * it: the spaces inside a line are kept, and only line ends are joined, as the typesetter
 * broke them: nothing between two CJK characters (a Chinese or Japanese line breaks between
 * characters), nothing after a word's own hyphen, one space between two words.
 */
import type { ElementContent } from 'hast'
import type { Fragment } from '../../pipeline/source/document.js'

/** Characters set solid, with no space between them: Han, kana, CJK marks, full-width forms. */
export const wide = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB\uFF00-\uFFEF]/u

/** Note numbers as print sets them in the text (superscript figures). */
export const superscripts = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]/gu

/** `text` with its lines joined as the typesetter broke them; spaces inside a line are kept. */
export function joinLines(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '')).filter((line) => line !== '')
  let joined = ''
  for (const line of lines) {
    if (joined === '') {
      joined = line
      continue
    }
    const before = [...joined].at(-1)!
    const after = [...line][0]
    const solid = wide.test(before) || wide.test(after) || (/[-\u2010\u2013\u2014/]/u.test(before) && /\p{L}/u.test([...joined].at(-2) ?? ''))
    joined += (solid ? '' : ' ') + line
  }
  return joined
}

/** What a reader finds in a page's text: its lines joined, without the note numbers in it. */
export function searchable(text: string): string {
  return joinLines(text).replace(superscripts, '')
}

/**
 * The paragraphs of a fragment as plain text (each paragraph, list item or heading's own text,
 * whitespace collapsed), without its note numbers: what must be found, each on its own.
 */
export function paragraphsOf(fragment: Fragment): string[] {
  const found: string[] = []
  const blocks = new Set(['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
  const textOf = (nodes: ElementContent[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return node.value
        if (node.type !== 'element') return ''
        if (node.tagName === 'sup' || (Array.isArray(node.properties.className) && node.properties.className.includes('note-ref'))) return ''
        if (blocks.has(node.tagName) || node.tagName === 'ol' || node.tagName === 'ul') return '\n'
        return textOf(node.children)
      })
      .join('')
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (blocks.has(node.tagName)) found.push(...textOf(node.children).split('\n'))
      walk(node.children)
    }
  }
  const inline = fragment.hast.every((node) => node.type === 'text' || (node.type === 'element' && !blocks.has(node.tagName) && node.tagName !== 'ol' && node.tagName !== 'ul'))
  if (inline) found.push(textOf(fragment.hast))
  else walk(fragment.hast)
  return found.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '')
}

/**
 * The lines of each page without the page's furniture: the lines that stand, digits aside,
 * on most pages (running head, "Page N of M"), and lines of figures alone (page and clause
 * numbers), which a paragraph running on over a page would otherwise take in.
 */
export function withoutFurniture(pages: string[]): string[] {
  const lines = pages.map((page) => page.split('\n').map((line) => line.trim()))
  const shape = (line: string) => line.replace(/\d+/g, '#')
  const count = new Map<string, number>()
  for (const page of lines) for (const line of new Set(page.map(shape))) count.set(line, (count.get(line) ?? 0) + 1)
  const furniture = (line: string) => /^\d*$/.test(line) || (pages.length > 1 && (count.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 2))
  return lines.map((page) => page.filter((line) => !furniture(line)).join('\n'))
}
