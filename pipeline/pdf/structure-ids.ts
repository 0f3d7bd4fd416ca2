/**
 * Names the structure elements' IDs by their order in the tags, not by Chromium's count of
 * the page's DOM nodes. Chromium gives a table's header cells IDs such as `node00000439`
 * (and the cells under them /Headers naming those), counted across every page its tab has
 * loaded, so the same source gave `node00000440` in another build, and a public file was
 * not the same bytes. Each ID becomes `id-0001`, `id-0002` ... in the tree's order.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from 'pdf-lib'

const name = (value: string) => PDFName.of(value)
const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined)

export function renumberStructureIds(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  if (!root) return
  const renamed = new Map<string, string>()
  const owners: Array<[string, PDFRef]> = []
  const walk = (element: PDFDict, ref: PDFRef | undefined) => {
    const id = text(element.get(name('ID')))
    if (id !== undefined && ref && !renamed.has(id)) {
      const fresh = `id-${String(renamed.size + 1).padStart(4, '0')}`
      renamed.set(id, fresh)
      owners.push([fresh, ref])
    }
    const kids = element.get(name('K'))
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
      if (!(kid instanceof PDFRef)) continue
      const child = pdf.context.lookup(kid)
      if (child instanceof PDFDict && child.get(name('S'))) walk(child, kid)
    }
  }
  walk(root, undefined)
  if (renamed.size === 0) return
  const rename = (value: unknown) => {
    const old = text(value)
    return old !== undefined && renamed.has(old) ? PDFString.of(renamed.get(old)!) : undefined
  }
  const visit = (dict: PDFDict) => {
    const id = rename(dict.get(name('ID')))
    if (id) dict.set(name('ID'), id)
    const headers = dict.get(name('Headers'))
    if (headers instanceof PDFArray) for (let index = 0; index < headers.size(); index++) headers.set(index, rename(headers.get(index)) ?? headers.get(index))
    const attributes = dict.get(name('A'))
    for (const each of attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : []) {
      const resolved = each instanceof PDFRef ? pdf.context.lookup(each) : each
      if (resolved instanceof PDFDict) visit(resolved)
    }
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) if (object instanceof PDFDict) visit(object)
  // The ID tree again, one leaf, its names in order (a name tree's keys are sorted); the old
  // one's objects go, since they still held the old names.
  const drop = (node: unknown) => {
    if (!(node instanceof PDFRef)) return
    const dict = pdf.context.lookup(node)
    if (dict instanceof PDFDict) {
      const kids = dict.get(name('Kids'))
      for (const kid of kids instanceof PDFArray ? kids.asArray() : []) drop(kid)
    }
    pdf.context.delete(node)
  }
  drop(root.get(name('IDTree')))
  owners.sort(([a], [b]) => (a < b ? -1 : 1))
  root.set(name('IDTree'), pdf.context.obj({ Names: owners.flatMap(([id, ref]) => [PDFString.of(id), ref]) }))
}
