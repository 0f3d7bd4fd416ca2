/** The `pamphlet` artifact: the rally pamphlet's A5 (or half-letter) pages, in reading order. */
import type { Edition } from './edition.js'
import { pamphletPdf } from './pamphlet-pdf.js'
import { pamphletPageFor } from './render-pamphlet.js'
import { pageCount } from './pdf-io.js'

export const pamphletEdition: Edition = {
  id: 'pamphlet',
  async produce(context) {
    const bytes = await pamphletPdf(context)
    const page = pamphletPageFor(context.paper).name
    const pages = await pageCount(bytes)
    return [{ id: 'pamphlet', file: `charter-pamphlet-${page}.pdf`, format: 'pdf', paper: page, pages, bytes }]
  }
}
