/**
 * Chromium writes a PDF's bookmarks from the text as laid out, which loses the space
 * between the languages of a heading set side by side and the space where a heading
 * wraps ("The belief of the DiasporicHongkongers離散港人的信念"). The outline's entries
 * come in document order, so each is given back its heading's real text.
 */
import type { Element, Root } from 'hast'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib'
import { visit } from 'unist-util-visit'
import { toString } from 'hast-util-to-string'

/** The title of every heading of `tree` in document order: its aria-label, else its text. */
export function headingTitles(tree: Root | Element): string[] {
  const titles: string[] = []
  visit(tree, 'element', (node: Element) => {
    if (!/^h[1-6]$/.test(node.tagName)) return
    const label = node.properties.ariaLabel
    titles.push(typeof label === 'string' ? label : toString(node).replace(/\s+/g, ' ').trim())
  })
  return titles
}

/**
 * Sets the outline entries' titles to `titles`, in order. Returns false (and changes
 * nothing) when the outline does not have exactly one entry per title.
 */
export function retitleOutline(pdf: PDFDocument, titles: string[]): boolean {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (!outlines) return titles.length === 0
  const entries: PDFDict[] = []
  const walk = (first: unknown) => {
    let ref = first
    while (ref instanceof PDFRef) {
      const entry = pdf.context.lookup(ref, PDFDict)
      entries.push(entry)
      walk(entry.get(PDFName.of('First')))
      ref = entry.get(PDFName.of('Next'))
    }
  }
  walk(outlines.get(PDFName.of('First')))
  if (entries.length !== titles.length) return false
  entries.forEach((entry, index) => entry.set(PDFName.of('Title'), PDFHexString.fromText(titles[index])))
  return true
}
