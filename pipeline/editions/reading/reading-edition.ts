/** The `reading` artifact: the bilingual reading edition as a PDF. */
import type { Edition } from '../edition.js'
import { finalizePdf, pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import { renderReading } from './render-reading.js'

export const readingEdition: Edition = {
  id: 'reading',
  async produce({ document, fonts, paper, date, printer }) {
    const { job, headings } = await renderReading(document, fonts, paper)
    const printed = await printer.print(job)
    const { bytes, pages } = await finalizePdf(printed, { ...pdfMetadataFor(document, date, 'Reading edition'), outline: headings, accessible: true })
    return [{ id: 'reading', file: `${document.slug}-reading-${paper.name}.pdf`, format: 'pdf', paper: paper.name, pages, bytes }]
  }
}
