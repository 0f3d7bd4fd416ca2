/**
 * How many blank rows fill the page the blank rows start on. A trial print links each
 * blank row's number to `row/<n>`; the links are annotations on the page the row fell on,
 * so reading them back tells where the rows went without extracting any text.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { loadPdf } from '../../pdf/pdf-io.js'

/** Marked rows on the first page that has any, or 0 when the print has none. */
export async function rowsThatFillPage(trialPrint: Uint8Array): Promise<number> {
  const pdf = await loadPdf(trialPrint)
  const pages = pdf.getPages()
  let found = 0
  // The rows are at the end: walk back from the last page to the first page holding any.
  for (let index = pages.length - 1; index >= 0; index--) {
    const marked = markedRows(pdf, pages[index].node.Annots())
    if (marked === 0 && found > 0) break
    if (marked > 0) found = marked
  }
  return found
}

function markedRows(pdf: PDFDocument, annotations: PDFArray | undefined): number {
  let count = 0
  for (let index = 0; index < (annotations?.size() ?? 0); index++) {
    const annotation = pdf.context.lookup(annotations!.get(index))
    if (!(annotation instanceof PDFDict)) continue
    const action = annotation.lookup(PDFName.of('A'))
    const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined
    if ((uri instanceof PDFString || uri instanceof PDFHexString) && /\/row\/\d+$/.test(uri.decodeText())) count++
  }
  return count
}
