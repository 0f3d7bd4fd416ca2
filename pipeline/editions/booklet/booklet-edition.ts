/**
 * The `booklet` artifact: the pamphlet's pages imposed two-up for saddle-stitching on A4
 * (or US Letter), ready to print on both sides, fold and staple. With --manual-duplex, also
 * `booklet-fronts` and `booklet-backs`, for printers that print one side at a time.
 */
import type { Edition, EditionContext } from '../edition.js'
import { impose, type ImposeOptions } from '../../pdf/impose.js'
import { pamphletPdf } from '../pamphlet/pamphlet-pdf.js'
import { pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import { duplexInstructions, renderDuplexInstructions } from './render-duplex-instructions.js'
import type { Artifact } from '../../output/write-output.js'
import { pageCount } from '../../pdf/pdf-io.js'

export const bookletEdition: Edition = {
  id: 'booklet',
  async produce(context) {
    const { document, paper, date, options } = context
    const { bytes: pamphlet, pages } = await pamphletPdf(context)
    const imposing: ImposeOptions = {
      sheet: paper,
      duplex: options.duplex,
      creep: options.creep,
      marks: options.marks,
      metadata: pdfMetadataFor(document, date, 'Booklet for saddle-stitch')
    }
    const base = `charter-booklet-${paper.name}`
    const artifacts = [await artifact('booklet', `${base}.pdf`, await impose(pamphlet, imposing), paper.name)]
    if (options.manualDuplex) {
      const files = { fronts: `${base}-fronts.pdf`, backs: `${base}-backs.pdf` }
      const sheets = pages / 4
      for (const sides of ['fronts', 'backs'] as const) {
        const overlay = await context.printer.print(await renderDuplexInstructions(duplexInstructions(sides, sheets, files), context.fonts, paper))
        const metadata = pdfMetadataFor(document, date, `Booklet for saddle-stitch, ${sides} only`)
        const bytes = await impose(pamphlet, { ...imposing, sides, overlay, metadata })
        artifacts.push(await artifact(`booklet-${sides}`, files[sides], bytes, paper.name))
      }
    }
    return artifacts
  }
}

async function artifact(id: string, file: string, bytes: Uint8Array, paper: EditionContext['paper']['name']): Promise<Artifact> {
  const pages = await pageCount(bytes)
  return { id, file, format: 'pdf', paper, pages, bytes }
}
