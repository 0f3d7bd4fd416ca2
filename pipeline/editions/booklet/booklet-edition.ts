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
    const imposing: ImposeOptions = { sheet: paper, duplex, creep, marks, metadata: pdfMetadataFor(document, date, printOnly('Booklet for saddle-stitch', document.slug)) }
    const base = `${document.slug}-booklet-${paper.name}`
    const artifacts = [await artifact('booklet', `${base}.pdf`, await impose(pamphlet.bytes, imposing), paper.name)]
    if (manualDuplex) {
      const files = { fronts: `${base}-fronts.pdf`, backs: `${base}-backs.pdf` }
      const sheets = pamphlet.pages! / 4
      for (const sides of ['fronts', 'backs'] as const) {
        const overlay = await printer.print(await renderDuplexInstructions(duplexInstructions(sides, sheets, files), fonts, paper))
        const metadata = pdfMetadataFor(document, date, printOnly(`Booklet for saddle-stitch, ${sides} only`, document.slug))
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

/**
 * The booklet's description: made for printing, its pages laid out two to a side in
 * folding order and untagged, so a reader on screen is sent to the pamphlet, which is the
 * same pages in reading order, tagged.
 */
function printOnly(what: string, slug: string): string {
  return `${what}: for printing, folding and stapling, not for reading on screen (its pages are in folding order, untagged). To read it, open ${slug}-pamphlet, the same pages in order.`
}
