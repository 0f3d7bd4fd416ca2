/**
 * The `pamphlet` artifact: the rally pamphlet's A5 (or half-letter) pages, in reading order,
 * padded with blank pages before the back cover to a multiple of 4 (a folded sheet carries
 * 4 pages), so that the booklet can lay them on sheets as they are.
 */
import { applyPdfMetadata, pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import { loadPdf, savePdf } from '../../pdf/pdf-io.js'
import { padBeforeBackCover } from '../../pdf/saddle-stitch.js'
import type { Edition } from '../edition.js'
import { pamphletPageFor, renderPamphlet } from './render-pamphlet.js'

export const pamphletEdition: Edition = {
  id: 'pamphlet',
  async produce({ document, fonts, paper, date, printer }) {
    const { headings, ...job } = await renderPamphlet(document, fonts, paper)
    const pdf = await loadPdf(await printer.print(job))
    padBeforeBackCover(pdf)
    applyPdfMetadata(pdf, { ...pdfMetadataFor(document, date, 'Pamphlet'), accessible: true, outline: headings })
    const page = pamphletPageFor(paper).name
    return [{ id: 'pamphlet', file: `${document.slug}-pamphlet-${page}.pdf`, format: 'pdf', paper: page, pages: pdf.getPageCount(), bytes: await savePdf(pdf) }]
  }
}
