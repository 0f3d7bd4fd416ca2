/** The `pamphlet` artifact: the rally pamphlet's A5 (or half-letter) pages, in reading order. */
import type { Edition } from '../edition.js'
import { pamphletPdf } from './pamphlet-pdf.js'
import { pamphletPageFor } from './render-pamphlet.js'

export const pamphletEdition: Edition = {
  id: 'pamphlet',
  async produce(context) {
    const { bytes, pages } = await pamphletPdf(context)
    const page = pamphletPageFor(context.paper).name
    return [{ id: 'pamphlet', file: `charter-pamphlet-${page}.pdf`, format: 'pdf', paper: page, pages, bytes }]
  }
}
