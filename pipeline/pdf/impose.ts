/**
 * Imposition: the pages of a booklet (A5, say) laid two-up on landscape sheets (A4) in
 * saddle-stitch order, so that printing both sides, folding the stack and stapling on the
 * fold gives the booklet in order. Pure: PDF bytes in, PDF bytes out, no files, no browser.
 * Pages are embedded whole (their text stays extractable); links, tags and the outline of
 * the source do not survive embedding.
 */
import { concatTransformationMatrix, PDFDocument, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib'
import { applyPdfMetadata, type PdfMetadata } from './pdf-metadata.js'
import { drawPrintMarks } from './print-marks.js'
import { saddleStitchOrder, type Slot } from './saddle-stitch.js'
import { mm } from './paper.js'
import { loadPdf, savePdf } from './pdf-io.js'

export interface ImposeOptions {
  /** The paper the sheets are printed on, portrait, in points; sheets are laid landscape. */
  sheet: { width: number; height: number }
  /**
   * The edge the printer flips the sheet on. `long` (default): back sides are turned 180°
   * so that they read upright after turning the sheet over like a book page; `short`: not turned.
   */
  duplex?: 'long' | 'short'
  /** Shift toward the spine in mm per sheet from the outside (sheet k moves k × creep). Default 0. */
  creep?: number
  /** Draw fold marks (and, with creep, trim marks). Default false. */
  marks?: boolean
  /** Which sides to output: `both` (default, front then back of each sheet), `fronts` or `backs`. */
  sides?: 'both' | 'fronts' | 'backs'
  /** A PDF whose page i is drawn over output page i (instructions at the sheet's edge). */
  overlay?: Uint8Array
  /** Title, /Lang and fixed dates for the result (see pdf-metadata.ts). Default: none. */
  metadata?: PdfMetadata
}

/** Misuse of `impose()`: the message names the option and the fix. */
export class ImposeError extends Error {
  override name = 'ImposeError'
}
/** The document to impose has no pages. */
export class NoPagesError extends ImposeError {
  override name = 'NoPagesError'
  constructor() {
    super('impose() was given a PDF with no pages: pass the booklet\'s PDF, with at least one page.')
  }
}
/** An option is out of range or of the wrong kind. */
export class InvalidImposeOptionError extends ImposeError {
  override name = 'InvalidImposeOptionError'
}
/** The creep would push the inner pages more than a quarter of their width toward the spine. */
export class CreepTooLargeError extends ImposeError {
  override name = 'CreepTooLargeError'
  constructor(creep: number, sheets: number) {
    super(`impose() was given creep ${creep} mm for ${sheets} sheets: the centre sheet would move ${(creep * (sheets - 1)).toFixed(1)} mm, more than a quarter of a page. Pass a smaller \`creep\` (0.1-0.3 mm suits office paper).`)
  }
}
/** The overlay does not have one page per output page. */
export class OverlayPageCountError extends ImposeError {
  override name = 'OverlayPageCountError'
  constructor(expected: number, actual: number) {
    super(`impose() was given an overlay of ${actual} pages for ${expected} output pages: make one overlay page per output page.`)
  }
}

/**
 * Lays the pages of `pdf` two-up in saddle-stitch order on landscape sheets.
 *
 * @example
 * const a4 = { width: 595.28, height: 841.89 }
 * const booklet = await impose(await a5Pamphlet.save(), { sheet: a4, duplex: 'long', creep: 0.2 })
 * // 12 A5 pages -> 6 A4 landscape pages: sheet 1 front [12, 1], back [2, 11] (turned 180°), ...
 */
export async function impose(pdf: Uint8Array, options: ImposeOptions): Promise<Uint8Array> {
  const { sheet, duplex = 'long', creep = 0, marks = false, sides: which = 'both' } = options
  if (!(sheet?.width > 0 && sheet?.height > 0)) throw new InvalidImposeOptionError('impose() needs `sheet: { width, height }` in points, both above 0 (A4 is 595.28 x 841.89).')
  if (duplex !== 'long' && duplex !== 'short') throw new InvalidImposeOptionError(`impose() was given duplex ${JSON.stringify(duplex)}: pass 'long' or 'short'.`)
  if (!Number.isFinite(creep) || creep < 0) throw new InvalidImposeOptionError(`impose() was given creep ${creep}: pass a number of mm, 0 or more.`)
  if (!['both', 'fronts', 'backs'].includes(which)) throw new InvalidImposeOptionError(`impose() was given sides ${JSON.stringify(which)}: pass 'both', 'fronts' or 'backs'.`)

  const source = await loadPdf(pdf)
  const pages = source.getPages()
  if (pages.length === 0) throw new NoPagesError()
  const plan = saddleStitchOrder(pages.length)
  // Landscape: the long side of the paper runs across, the fold down the middle.
  const width = Math.max(sheet.width, sheet.height)
  const height = Math.min(sheet.width, sheet.height)
  const half = width / 2
  const widest = Math.max(...pages.map((page) => page.getWidth() * fitScale(page, half, height)))
  if (creep * mm * (plan.length - 1) > widest / 4) throw new CreepTooLargeError(creep, plan.length)

  const output = await PDFDocument.create({ updateMetadata: false })
  const sides: Array<{ slots: [Slot, Slot]; turned: boolean; shift: number }> = []
  for (const { index, front, back } of plan) {
    const shift = creep * mm * index
    if (which !== 'backs') sides.push({ slots: front, turned: false, shift })
    // A back printed with a long-edge flip lands upside down: draw it turned 180°.
    if (which !== 'fronts') sides.push({ slots: back, turned: duplex === 'long', shift })
  }
  const placements = sides.map(({ slots: [left, right], shift }) => [
    ...(left === null ? [] : placement(pages[left - 1], { x: 0, width: half, height, shift, spine: 'right' })),
    ...(right === null ? [] : placement(pages[right - 1], { x: half, width: half, height, shift, spine: 'left' }))
  ])
  // One embedding for all pages, so fonts and images they share are copied once.
  const all = placements.flat()
  const embedded = await output.embedPages(all.map((p) => p.page), all.map((p) => p.bounds))
  let next = 0
  sides.forEach(({ turned, shift }, i) => {
    const side = output.addPage([width, height])
    if (turned) side.pushOperators(pushGraphicsState(), concatTransformationMatrix(-1, 0, 0, -1, width, height))
    for (const { x, y, scale } of placements[i]) side.drawPage(embedded[next++], { x, y, xScale: scale, yScale: scale })
    if (marks) drawPrintMarks(side, { width, height, trimInset: shift })
    if (turned) side.pushOperators(popGraphicsState())
  })
  if (options.overlay) await drawOverlay(output, options.overlay)
  if (options.metadata) applyPdfMetadata(output, options.metadata)
  return savePdf(output)
}

interface Cell {
  x: number
  width: number
  height: number
  /** How far to move the page toward the spine, in points. */
  shift: number
  spine: 'left' | 'right'
}

interface Placement {
  page: PDFPage
  /** The part of the page drawn, in its own units: all of it but what crosses the spine. */
  bounds: { left: number; bottom: number; right: number; top: number }
  x: number
  y: number
  scale: number
}

/** Where `page` goes in `cell`: centred, scaled to fit, moved toward the spine and cut at it. */
function placement(page: PDFPage, cell: Cell): Placement[] {
  // A page with no content stream (a blank added by pdf-lib) has nothing to draw.
  if (!page.node.Contents()) return []
  const scale = fitScale(page, cell.width, cell.height)
  const box = page.getMediaBox()
  const gap = (cell.width - box.width * scale) / 2
  // Only what crosses the spine after the shift is cut off, in the page's own units.
  const cut = Math.max(0, cell.shift - gap) / scale
  const bounds = cell.spine === 'right'
    ? { left: box.x, bottom: box.y, right: box.x + box.width - cut, top: box.y + box.height }
    : { left: box.x + cut, bottom: box.y, right: box.x + box.width, top: box.y + box.height }
  const x = cell.spine === 'right' ? cell.x + gap + cell.shift : cell.x + gap - cell.shift + cut * scale
  return [{ page, bounds, x, y: (cell.height - box.height * scale) / 2, scale }]
}

function fitScale(page: PDFPage, width: number, height: number): number {
  const box = page.getMediaBox()
  return Math.min(width / box.width, height / box.height)
}

async function drawOverlay(output: PDFDocument, overlay: Uint8Array) {
  const sides = output.getPages()
  const stamp = await loadPdf(overlay)
  if (stamp.getPageCount() !== sides.length) throw new OverlayPageCountError(sides.length, stamp.getPageCount())
  const embedded = await output.embedPages(stamp.getPages())
  sides.forEach((side, i) => side.drawPage(embedded[i], { x: 0, y: 0, width: side.getWidth(), height: side.getHeight() }))
}
