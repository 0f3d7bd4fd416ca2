/**
 * The `booklet` artifact: the pamphlet's pages imposed two-up for saddle-stitching on A4
 * (or US Letter), ready to print on both sides, fold and staple. With --manual-duplex, also
 * `booklet-fronts` and `booklet-backs`, for printers that print one side at a time.
 */
import { impose, type ImposeOptions } from '../../pdf/impose.js'
import { pageCount } from '../../pdf/pdf-io.js'
import { pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import type { PaperName } from '../../pdf/paper.js'
import type { Artifact } from '../../output/write-output.js'
import type { Edition } from '../edition.js'
import { duplexInstructions, renderDuplexInstructions } from './render-duplex-instructions.js'

export const bookletEdition: Edition = {
  id: 'booklet',
  // The pamphlet's pages, padded to a multiple of 4, printed once for both.
  needs: ['pamphlet'],
  async produce({ document, fonts, paper, date, printer, options, made }) {
    const { duplex, creep, marks, manualDuplex } = options.booklet
    const [pamphlet] = await made('pamphlet')
    const imposing: ImposeOptions = { sheet: paper, duplex, creep, marks, metadata: pdfMetadataFor(document, date, 'Booklet for saddle-stitch') }
    const base = `${document.slug}-booklet-${paper.name}`
    const artifacts = [await artifact('booklet', `${base}.pdf`, await impose(pamphlet.bytes, imposing), paper.name)]
    if (manualDuplex) {
      const files = { fronts: `${base}-fronts.pdf`, backs: `${base}-backs.pdf` }
      const sheets = pamphlet.pages! / 4
      for (const sides of ['fronts', 'backs'] as const) {
        const overlay = await printer.print(await renderDuplexInstructions(duplexInstructions(sides, sheets, files), fonts, paper))
        const metadata = pdfMetadataFor(document, date, `Booklet for saddle-stitch, ${sides} only`)
        const bytes = await impose(pamphlet.bytes, { ...imposing, sides, overlay, metadata })
        artifacts.push(await artifact(`booklet-${sides}`, files[sides], bytes, paper.name))
      }
    }
    return artifacts
  }
}

async function artifact(id: string, file: string, bytes: Uint8Array, paper: PaperName): Promise<Artifact> {
  return { id, file, format: 'pdf', paper, pages: await pageCount(bytes), bytes }
}
