/**
 * Sets a printed PDF's metadata from the publication, replacing what Chromium wrote
 * (its user agent, "Skia/PDF", the time of printing): a title in every language, the
 * document language, publisher, and fixed dates, so the same source gives the same bytes.
 */
import { createHash } from 'node:crypto'
import { PDFDocument, PDFHexString } from 'pdf-lib'
import { joinedTitle, type Document } from '../source/document.js'
import { retitleOutline } from './pdf-outline.js'
import { localize } from '../source/publication-schema.js'
import { loadPdf, savePdf } from './pdf-io.js'

/** Who made the file, as written into every PDF and EPUB. */
const producer = 'charter'

export interface PdfMetadata {
  title: string
  lang: string
  author: string
  subject: string
  keywords: string[]
  date: Date
  /** The headings' real text, in order, for the bookmarks (see pdf-outline.ts). */
  outline?: string[]
}

/** The metadata every PDF of `document` carries, with `date` from the build. */
export function pdfMetadataFor(document: Document, date: Date, edition: string): PdfMetadata {
  const primary = document.languages[0].lang
  return {
    title: joinedTitle(document),
    lang: primary,
    author: localize(document.publication.publisher, primary),
    subject: edition,
    keywords: document.languages.map(({ lang }) => lang),
    date
  }
}

/** Writes `metadata` into `pdf` (a loaded document) without touching its pages or tags. */
export function applyPdfMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true })
  pdf.setAuthor(metadata.author)
  pdf.setSubject(metadata.subject)
  pdf.setKeywords(metadata.keywords)
  pdf.setLanguage(metadata.lang)
  pdf.setProducer(producer)
  pdf.setCreator(producer)
  pdf.setCreationDate(metadata.date)
  pdf.setModificationDate(metadata.date)
  // A fixed file identifier: the same content gives the same bytes.
  const digest = createHash('md5').update(`${metadata.title}\n${metadata.subject}\n${metadata.date.toISOString()}`).digest('hex')
  const id = PDFHexString.of(digest)
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
  if (metadata.outline && !retitleOutline(pdf, metadata.outline)) {
    throw new Error(`The PDF's bookmarks do not match its ${metadata.outline.length} headings: check the template's headings`)
  }
}

/** Loads Chromium's PDF, applies `metadata`, and saves it deterministically; with its page count. */
export async function finalizePdf(bytes: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await loadPdf(bytes)
  applyPdfMetadata(pdf, metadata)
  return { bytes: await savePdf(pdf), pages: pdf.getPageCount() }
}
