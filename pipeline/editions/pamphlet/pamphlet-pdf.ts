/**
 * The pamphlet's pages as a PDF, printed once per build and shared by the `pamphlet` and
 * `booklet` editions: Chromium's pages, padded with blank pages before the back cover to
 * a multiple of 4 (a folded sheet carries 4 pages), with the publication's metadata.
 */
import { PDFDocument } from 'pdf-lib'
import type { EditionContext } from '../edition.js'
import { applyPdfMetadata, pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import { renderPamphlet } from './render-pamphlet.js'
import { paddedPageCount } from '../../pdf/saddle-stitch.js'
import { loadPdf, savePdf } from '../../pdf/pdf-io.js'

/** The pamphlet's PDF and its page count (padded to a multiple of 4). */
export interface PamphletPdf {
  bytes: Uint8Array
  pages: number
}

const printed = new WeakMap<EditionContext, Promise<PamphletPdf>>()

/** The pamphlet PDF for this build (printed on first call, then shared). */
export function pamphletPdf(context: EditionContext): Promise<PamphletPdf> {
  let pdf = printed.get(context)
  if (!pdf) {
    pdf = printPamphlet(context)
    printed.set(context, pdf)
  }
  return pdf
}

async function printPamphlet({ document, fonts, paper, date, printer }: EditionContext): Promise<PamphletPdf> {
  const pdf = await loadPdf(await printer.print(await renderPamphlet(document, fonts, paper)))
  padBeforeBackCover(pdf)
  applyPdfMetadata(pdf, pdfMetadataFor(document, date, 'Pamphlet'))
  return { bytes: await savePdf(pdf), pages: pdf.getPageCount() }
}

/** Inserts blank pages before the last page (the back cover) up to a multiple of 4. */
export function padBeforeBackCover(pdf: PDFDocument): void {
  const count = pdf.getPageCount()
  const last = pdf.getPage(count - 1)
  for (let i = count; i < paddedPageCount(count); i++) pdf.insertPage(pdf.getPageCount() - 1, [last.getWidth(), last.getHeight()])
}
