/**
 * Sets a printed PDF's metadata from the publication, replacing what Chromium wrote
 * (its user agent, "Skia/PDF", the time of printing): a title in every language, the
 * document language, publisher, and fixed dates, so the same source gives the same bytes.
 */
import { createHash } from 'node:crypto'
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib'
import { markPdfArtifacts } from './artifacts.js'
import { labelListItems } from './list-structure.js'
import { renumberStructureIds } from './structure-ids.js'
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
  /** The title in each language, for the XMP metadata (default: `title`, in `lang`). */
  titles?: Array<{ lang: string; text: string }>
  /** Every language of the text (default: `lang`). */
  languages?: string[]
  /**
   * A tagged edition made for reading, which claims PDF/UA-1: its untagged content is
   * marked as artifacts (artifacts.ts), and its XMP metadata says pdfuaid:part 1.
   */
  accessible?: boolean
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
    date,
    titles: document.languages.map(({ lang, title }) => ({ lang, text: title.text })),
    languages: document.languages.map(({ lang }) => lang)
  }
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * The XMP metadata (PDF/UA-1 5, ISO 16684): the title in every language, the languages,
 * the publisher, the dates of the build (so that builds stay byte for byte the same), and
 * for an accessible edition the PDF/UA identification.
 */
export function xmpMetadata(metadata: PdfMetadata): string {
  const date = metadata.date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  // x-default first (the first language's), then each language under its own tag.
  const titles = metadata.titles ?? [{ lang: metadata.lang, text: metadata.title }]
  const languages = metadata.languages ?? [metadata.lang]
  const all = [`<rdf:li xml:lang="x-default">${xmlText(metadata.title)}</rdf:li>`, ...titles.map(({ lang, text }) => `<rdf:li xml:lang="${xmlText(lang)}">${xmlText(text)}</rdf:li>`)]
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${metadata.accessible ? '\n  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' : ''}>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt>${all.join('')}</rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlText(metadata.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(metadata.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag>${languages.map((lang) => `<rdf:li>${xmlText(lang)}</rdf:li>`).join('')}</rdf:Bag></dc:language>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>${producer}</xmp:CreatorTool>
<pdf:Producer>${producer}</pdf:Producer>
<pdf:Keywords>${xmlText(metadata.keywords.join(', '))}</pdf:Keywords>${metadata.accessible ? '\n<pdfuaid:part>1</pdfuaid:part>' : ''}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
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
  // The XMP stream, uncompressed as PDF/A and PDF/UA readers expect it.
  const xmp = pdf.context.stream(new TextEncoder().encode(xmpMetadata(metadata)), { Type: 'Metadata', Subtype: 'XML' })
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp))
  if (metadata.accessible) {
    markPdfArtifacts(pdf)
    labelListItems(pdf)
    renumberStructureIds(pdf)
  }
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
