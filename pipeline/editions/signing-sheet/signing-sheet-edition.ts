/**
 * The `signing-sheet` artifact: the signatory roll and blank rows to sign in, A4 or US
 * Letter. By default the blank rows fill the last page. Only the browser knows where the
 * roll ends, so a trial print with more rows than a page holds shows how many fit: of the
 * whole sheet when the roll is short, and when it is long (a trial as slow as the sheet
 * itself) of a page of rows alone, since there the rows start on a page of their own.
 */
import type { Edition } from '../edition.js'
import { finalizePdf, pdfMetadataFor } from '../../pdf/pdf-metadata.js'
import { renderSigningSheet, type SheetOptions } from './render-signing-sheet.js'
import { rowsThatFillPage } from './rows-that-fill-page.js'
import { rowsBeyondOnePage } from './signing-sheet-layout.js'
import { sheetRoll } from './signing-sheet-roll.js'

/** Names past which the rows to sign in start on a page of their own (about ten pages of roll). */
const longRoll = 1000

export const signingSheetEdition: Edition = {
  id: 'signing-sheet',
  async produce({ document, fonts, paper, date, printer, options: { signingSheet: options } }) {
    const roll = sheetRoll(options.signatories, options.includePrivate)
    const sheet: SheetOptions = {
      blankRows: options.blankRows ?? 0,
      contact: options.contact,
      organisersCopy: roll.holdsPrivate,
      rowsOnOwnPage: roll.count > longRoll
    }
    if (options.blankRows === undefined) {
      const trial = { ...sheet, blankRows: rowsBeyondOnePage(paper), markRows: true }
      const trialRoll = sheet.rowsOnOwnPage ? { ...roll, groups: [] } : roll
      sheet.blankRows = await rowsThatFillPage(await printer.print(await renderSigningSheet(document, fonts, paper, trialRoll, trial)))
    }
    const job = await renderSigningSheet(document, fonts, paper, roll, sheet)
    const printed = await printer.print(job)
    const { bytes, pages } = await finalizePdf(printed, { ...pdfMetadataFor(document, date, 'Signing sheet'), accessible: job.pdf.tagged === true })
    const file = `${document.slug}-signing-sheet${options.includePrivate ? '-organisers' : ''}-${paper.name}.pdf`
    return [{ id: 'signing-sheet', file, format: 'pdf', paper: paper.name, pages, bytes, private: options.includePrivate }]
  }
}
