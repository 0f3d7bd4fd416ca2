/**
 * Gives each clause's list item in the tags the shape PDF/UA asks for: LI > Lbl + LBody.
 * Chromium writes a `role=listitem` as an LI holding its children as they are (the clause's
 * number as NonStruct, its text in each language as a Div); a label it writes only for a
 * list marker it draws itself. So the number becomes the Lbl, and the rest is put in one
 * LBody. Nothing else in the tree, and nothing on the pages, changes.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib'

const name = (value: string) => PDFName.of(value)

/** Rewrites every LI of `pdf` that starts with its label (a clause's number, a list's marker) as LI > Lbl + LBody. */
export function labelListItems(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  if (!root) return
  const walk = (element: PDFDict, ref: PDFRef | undefined) => {
    const kids = element.get(name('K'))
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
    if (ref && element.get(name('S')) === name('LI')) relabel(pdf, ref, element, list)
    for (const kid of list) {
      if (!(kid instanceof PDFRef)) continue
      const child = pdf.context.lookup(kid)
      if (child instanceof PDFDict && child.get(name('S'))) walk(child, kid)
    }
  }
  walk(root, undefined)
}

function relabel(pdf: PDFDocument, itemRef: PDFRef, item: PDFDict, kids: unknown[]): void {
  const elements = kids.filter((kid): kid is PDFRef => kid instanceof PDFRef)
  if (elements.length < 2 || elements.length !== kids.length) return
  const [first, ...rest] = elements.map((ref) => ({ ref, dict: pdf.context.lookup(ref, PDFDict) }))
  // A clause's number (NonStruct), or the marker Chromium drew for a list of its own (Lbl).
  const label = first.dict.get(name('S'))
  if (label !== name('NonStruct') && label !== name('Lbl')) return
  if (rest.length === 1 && rest[0].dict.get(name('S')) === name('LBody')) return
  first.dict.set(name('S'), name('Lbl'))
  const body = pdf.context.obj({ Type: 'StructElem', S: 'LBody', P: itemRef, K: rest.map(({ ref }) => ref) })
  const bodyRef = pdf.context.register(body)
  for (const { dict } of rest) dict.set(name('P'), bodyRef)
  item.set(name('K'), pdf.context.obj([first.ref, bodyRef]))
}
